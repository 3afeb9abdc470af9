/* libFuzzer target for the analyser: any bytes, in any of the languages, must neither crash nor
 * leak nor hang. The language comes from PRESIZE_FUZZ_LANG (so `make fuzz` can spend its time
 * per language), else from the first input byte. Built by tools/fuzz-analyze.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include <jansson.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct analyzer *az;
static const struct lang *fixed;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (!az) {
                struct analyzer_opts o = {.max_bytes = 1 << 20, .parse_timeout_us = 2000000};
                if (analyzer_new(&o, &az) < 0)
                        abort();
                const char *l = getenv("PRESIZE_FUZZ_LANG");
                fixed = l ? lang_by_name(l) : NULL;
        }
        const struct lang *lang = fixed;
        if (!lang) {
                size_t n = 0;
                while (lang_specs[n])
                        n++;
                if (size == 0)
                        return 0;
                lang = lang_by_name(lang_specs[data[0] % n]->name);
                data++;
                size--;
        }
        struct analysis a;
        if (analyze_buffer(az, lang, (const char *)data, size, &a) == 0) {
                json_t *o = analysis_to_json(&a, "fuzz");
                char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
                free(s);
                json_decref(o);
                analysis_free(&a);
        }
        return 0;
}
