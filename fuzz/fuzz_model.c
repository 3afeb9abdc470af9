/* libFuzzer target for the model file reader (src/predict/model.c, gbt.c): any bytes must be
 * refused with a reason or loaded into a model that predicts — never a crash, an out-of-bounds
 * read, a leak or a hang. A loaded model predicts a few vectors in both modes (the trees'
 * walker, the language levels, the quantiles) and must give ordered, non-NaN bounds. Seeded
 * with fuzz/corpus/model/ (a small trained model and broken variants of it). Built by
 * tools/fuzz-analyze.sh. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct model *m = NULL;
        const char *why = NULL;
        int r = model_load_buffer((const char *)data, size, &m, &why);
        if (r < 0) {
                if (m || !why || !*why)
                        abort(); /* refused: no model, and a sentence saying why */
                return 0;
        }
        static const char *const langs[] = {"python", "c", "cobol"};
        static const char *const algos[] = {"sorting", "multithreaded", "quantum"};
        size_t n = code_len();
        double *code = calloc(n ? n : 1, sizeof(double));
        for (int i = 0; code && i < 3; i++) {
                struct notification note = {langs[i], "json", algos[i], (uint64_t)i << 20};
                struct demand d;
                for (int c = 0; c < 2; c++) {
                        if (model_predict(m, &note, c ? code : NULL, &d) < 0)
                                continue;
                        if (isnan(d.memory_bytes.point) || isnan(d.memory_bytes.upper) ||
                            d.memory_bytes.upper < d.memory_bytes.point ||
                            d.cpu_seconds.upper < d.cpu_seconds.point)
                                abort();
                }
        }
        free(code);
        model_free(m);
        return 0;
}
