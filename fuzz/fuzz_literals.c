/* libFuzzer target for the literal and size statistics (src/predict/features.c, sizes.c): any
 * bytes must neither crash nor read out of bounds nor hang, and the statistics must stay in
 * their documented ranges. The first input byte picks a size name among a few (N, W, MB, n, a
 * name from the input itself); the rest is the text. Built by tools/fuzz-analyze.sh. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "predict/predict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size == 0)
                return 0;
        static const char *const names[] = {"N", "W", "MB", "n", NULL};
        unsigned pick = data[0] % 5;
        const char *text = (const char *)data + 1;
        size_t len = size - 1;
        /* a copy without a terminating NUL, so that reading past the end is caught */
        char *buf = malloc(len ? len : 1);
        if (!buf)
                return 0;
        memcpy(buf, text, len);
        double lit[LIT_LEN];
        literal_stats(buf, len, lit);
        for (int i = 0; i < LIT_LEN; i++)
                if (isinf(lit[i]))
                        abort();
        const char *name = names[pick];
        size_t name_len = name ? strlen(name) : (len < 3 ? len : 3);
        double z[7];
        size_stats(buf, len, name ? name : buf, name_len, z);
        if (z[0] < 0 || z[0] > 4 || z[1] < 0 || z[1] > 4 || isnan(z[2]) || z[2] < 0 ||
            (z[3] != 0 && z[3] != 1) || z[4] < 0 || (z[6] != 0 && z[6] != 1 && z[6] != 2))
                abort();
        free(buf);
        return 0;
}
