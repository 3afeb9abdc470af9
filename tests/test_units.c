/* The one parser and one printer per unit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>

#include "util/units.h"

static void test_cpu(void **state)
{
        uint64_t v;
        assert_int_equal(parse_cpu("500m", &v), 0);
        assert_int_equal(v, 500);
        assert_int_equal(parse_cpu("2", &v), 0);
        assert_int_equal(v, 2000);
        assert_int_equal(parse_cpu("0.25", &v), 0);
        assert_int_equal(v, 250);
        assert_int_equal(parse_cpu("1.5", &v), 0);
        assert_int_equal(v, 1500);
        assert_int_equal(parse_cpu("0", &v), 0);
        assert_int_equal(v, 0);
        assert_int_equal(parse_cpu("-1", &v), -EINVAL);
        assert_int_equal(parse_cpu("", &v), -EINVAL);
        assert_int_equal(parse_cpu("m", &v), -EINVAL);
        assert_int_equal(parse_cpu("2 cores", &v), -EINVAL);
        assert_int_equal(parse_cpu("500M", &v), -EINVAL);
        assert_int_equal(parse_cpu("0x10", &v), -EINVAL);
        assert_int_equal(parse_cpu("inf", &v), -EINVAL);
        assert_int_equal(parse_cpu("nan", &v), -EINVAL);
        assert_int_equal(parse_cpu(" 1", &v), -EINVAL);
        assert_int_equal(parse_cpu(NULL, &v), -EINVAL);
}

static void test_bytes(void **state)
{
        uint64_t v;
        assert_int_equal(parse_bytes("256Mi", &v), 0);
        assert_int_equal(v, 256ULL << 20);
        assert_int_equal(parse_bytes("1Gi", &v), 0);
        assert_int_equal(v, 1ULL << 30);
        assert_int_equal(parse_bytes("1.5Gi", &v), 0);
        assert_int_equal(v, 3ULL << 29);
        assert_int_equal(parse_bytes("500M", &v), 0);
        assert_int_equal(v, 500000000ULL);
        assert_int_equal(parse_bytes("128k", &v), 0);
        assert_int_equal(v, 128000ULL);
        assert_int_equal(parse_bytes("1e6", &v), 0);
        assert_int_equal(v, 1000000ULL);
        assert_int_equal(parse_bytes("4096", &v), 0);
        assert_int_equal(v, 4096);
        assert_int_equal(parse_bytes("15Ei", &v), 0);
        assert_int_equal(parse_bytes("16Ei", &v), -ERANGE);
        assert_int_equal(parse_bytes("1e400", &v), -ERANGE);
        assert_int_equal(parse_bytes("256mi", &v), -EINVAL);
        assert_int_equal(parse_bytes("12Q", &v), -EINVAL);
        assert_int_equal(parse_bytes("-5Mi", &v), -EINVAL);
        assert_int_equal(parse_bytes("Mi", &v), -EINVAL);
        assert_int_equal(parse_bytes("1..5Mi", &v), -EINVAL);
}

static void test_rate(void **state)
{
        uint64_t v;
        assert_int_equal(parse_rate("10Mbit", &v), 0);
        assert_int_equal(v, 10000000ULL);
        assert_int_equal(parse_rate("10mbit", &v), 0);
        assert_int_equal(v, 10000000ULL);
        assert_int_equal(parse_rate("800kbit", &v), 0);
        assert_int_equal(v, 800000ULL);
        assert_int_equal(parse_rate("1gbit", &v), 0);
        assert_int_equal(v, 1000000000ULL);
        assert_int_equal(parse_rate("1mbps", &v), 0); /* tc: bytes per second */
        assert_int_equal(v, 8000000ULL);
        assert_int_equal(parse_rate("1mibit", &v), 0);
        assert_int_equal(v, 1048576ULL);
        assert_int_equal(parse_rate("9600", &v), 0);
        assert_int_equal(v, 9600);
        assert_int_equal(parse_rate("10Mb", &v), -EINVAL);
        assert_int_equal(parse_rate("fast", &v), -EINVAL);
}

static void test_duration(void **state)
{
        uint64_t v;
        assert_int_equal(parse_duration("10s", &v), 0);
        assert_int_equal(v, 10000000000ULL);
        assert_int_equal(parse_duration("500ms", &v), 0);
        assert_int_equal(v, 500000000ULL);
        assert_int_equal(parse_duration("2m", &v), 0);
        assert_int_equal(v, 120000000000ULL);
        assert_int_equal(parse_duration("1h", &v), 0);
        assert_int_equal(v, 3600000000000ULL);
        assert_int_equal(parse_duration("1.5", &v), 0);
        assert_int_equal(v, 1500000000ULL);
        assert_int_equal(parse_duration("250us", &v), 0);
        assert_int_equal(v, 250000ULL);
        assert_int_equal(parse_duration("10 s", &v), -EINVAL);
        assert_int_equal(parse_duration("10d", &v), -EINVAL);
}

static void test_printers_round_trip(void **state)
{
        char buf[64];
        uint64_t v;
        assert_string_equal(fmt_cpu(500, buf, sizeof(buf)), "500m");
        assert_string_equal(fmt_cpu(2000, buf, sizeof(buf)), "2");
        assert_string_equal(fmt_cpu(1500, buf, sizeof(buf)), "1500m");
        assert_string_equal(fmt_bytes(256ULL << 20, buf, sizeof(buf)), "256Mi");
        assert_string_equal(fmt_bytes(1ULL << 30, buf, sizeof(buf)), "1Gi");
        assert_string_equal(fmt_bytes(1000, buf, sizeof(buf)), "1000");
        assert_string_equal(fmt_bytes(12345678, buf, sizeof(buf)), "11.8Mi");
        assert_string_equal(fmt_rate(10000000, buf, sizeof(buf)), "10Mbit");
        assert_string_equal(fmt_rate(800000, buf, sizeof(buf)), "800Kbit");
        assert_string_equal(fmt_duration(1500000000ULL, buf, sizeof(buf)), "1.5s");
        assert_string_equal(fmt_duration(120000000000ULL, buf, sizeof(buf)), "2m");
        assert_string_equal(fmt_duration(2500000ULL, buf, sizeof(buf)), "2.5ms");
        assert_string_equal(fmt_duration(725669000ULL, buf, sizeof(buf)), "726ms");
        assert_string_equal(fmt_duration(2044107626ULL, buf, sizeof(buf)), "2.04s");
        assert_string_equal(fmt_duration(0, buf, sizeof(buf)), "0s");
        assert_string_equal(fmt_duration(100, buf, sizeof(buf)), "100ns");
        /* What the printers write, the parsers read back exactly. */
        const uint64_t cpus[] = {1, 250, 1000, 1999, 64000};
        for (size_t i = 0; i < sizeof(cpus) / sizeof(cpus[0]); i++) {
                assert_int_equal(parse_cpu(fmt_cpu(cpus[i], buf, sizeof(buf)), &v), 0);
                assert_int_equal(v, cpus[i]);
        }
        const uint64_t mems[] = {1, 4096, 1ULL << 20, 3ULL << 29, 1ULL << 40, 5000};
        for (size_t i = 0; i < sizeof(mems) / sizeof(mems[0]); i++) {
                assert_int_equal(parse_bytes(fmt_bytes(mems[i], buf, sizeof(buf)), &v), 0);
                assert_int_equal(v, mems[i]);
        }
        const uint64_t rates[] = {1, 9600, 8000000, 1000000000ULL};
        for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++) {
                assert_int_equal(parse_rate(fmt_rate(rates[i], buf, sizeof(buf)), &v), 0);
                assert_int_equal(v, rates[i]);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_cpu),
            cmocka_unit_test(test_bytes),
            cmocka_unit_test(test_rate),
            cmocka_unit_test(test_duration),
            cmocka_unit_test(test_printers_round_trip),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
