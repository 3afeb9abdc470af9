/* The daemon's pure helpers: the token comparison, the loopback check and the --config parser. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "serve/serve.h"

static void token_equal(void **state)
{
        assert_true(serve_token_equal("0123456789abcdef", "0123456789abcdef"));
        assert_false(serve_token_equal("0123456789abcdef", "0123456789abcdeg"));
        assert_false(serve_token_equal("0123456789abcdef", "0123456789abcde"));
        assert_false(serve_token_equal("0123456789abcde", "0123456789abcdef"));
        assert_false(serve_token_equal("", "x"));
        assert_true(serve_token_equal("", ""));
}

static void loopback(void **state)
{
        assert_true(serve_is_loopback("127.0.0.1"));
        assert_true(serve_is_loopback("127.1.2.3"));
        assert_false(serve_is_loopback("0.0.0.0"));
        assert_false(serve_is_loopback("10.0.0.1"));
        assert_false(serve_is_loopback("128.0.0.1"));
        assert_false(serve_is_loopback("localhost"));
        assert_false(serve_is_loopback(""));
}

static int load(const char *text, struct serve_limits *l, char *why, size_t len)
{
        char path[] = "/tmp/presize-serve-unit-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
        close(fd);
        serve_limits_default(l);
        int r = serve_limits_load(path, l, why, len);
        unlink(path);
        return r;
}

static void limits(void **state)
{
        struct serve_limits l;
        char why[512];
        serve_limits_default(&l);
        /* 0: the policy's (its warm_pool.ttl, overcommit and sample_interval) */
        assert_true(l.overcommit == 0);
        assert_int_equal(l.ttl_ns, 0);
        assert_int_equal(l.interval_ns, 0);
        assert_int_equal(l.grace_ns, 10000000000ULL);
        assert_int_equal(l.body_max, 1 << 20);

        assert_int_equal(
            load("{\"overcommit\": 1.5, \"ttl\": \"2s\", \"host_cpu\": \"1500m\", "
                 "\"host_memory\": \"1Gi\", \"max_sandboxes\": 3, \"default_timeout\": "
                 "5, \"body_max\": \"64Ki\"}",
                 &l, why, sizeof(why)),
            0);
        assert_true(l.overcommit == 1.5);
        assert_int_equal(l.ttl_ns, 2000000000ULL);
        assert_int_equal(l.host_millicores, 1500);
        assert_int_equal(l.host_memory_bytes, 1ULL << 30);
        assert_int_equal(l.max_sandboxes, 3);
        assert_int_equal(l.default_timeout_ns, 5000000000ULL);
        assert_int_equal(l.body_max, 65536);
        assert_int_equal(load("{\"host_cpu\": 2}", &l, why, sizeof(why)), 0);
        assert_int_equal(l.host_millicores, 2000);

        assert_int_equal(load("{\"frob\": 1}", &l, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "frob"));
        assert_int_equal(load("{\"overcommit\": 0}", &l, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "overcommit"));
        assert_int_equal(load("{\"overcommit\": 0.5}", &l, why, sizeof(why)), -EINVAL);
        assert_int_equal(load("{\"grace\": \"2s\"}", &l, why, sizeof(why)), 0);
        assert_int_equal(l.grace_ns, 2000000000ULL);
        assert_int_equal(load("{\"grace\": 0}", &l, why, sizeof(why)), 0);
        assert_int_equal(l.grace_ns, 0);
        assert_int_equal(load("{\"grace\": \"-1s\"}", &l, why, sizeof(why)), -EINVAL);
        assert_int_equal(load("{\"ttl\": \"soon\"}", &l, why, sizeof(why)), -EINVAL);
        assert_int_equal(load("{\"max_sandboxes\": -1}", &l, why, sizeof(why)), -EINVAL);
        assert_int_equal(load("{\"default_timeout\": \"10m\"}", &l, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "max_timeout"));
        assert_int_equal(load("[1]", &l, why, sizeof(why)), -EINVAL);
        assert_int_equal(load("{\"ttl\": ", &l, why, sizeof(why)), -EINVAL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(token_equal),
            cmocka_unit_test(loopback),
            cmocka_unit_test(limits),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
