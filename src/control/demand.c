/* From a prediction to the control loop's demand (demand.h). */
#include "control/demand.h"

#include <string.h>

enum complexity complexity_from_score(const char *score)
{
        if (score && !strcmp(score, "high"))
                return CX_HIGH;
        if (score && !strcmp(score, "medium"))
                return CX_MEDIUM;
        return CX_LOW;
}

void control_demand_from(const struct demand *d, const char *score, struct control_demand *out)
{
        const struct estimate *e[RES__COUNT] = {&d->cpu_millicores, &d->memory_bytes,
                                                &d->net_rate_bps};
        memset(out, 0, sizeof(*out));
        for (int r = 0; r < RES__COUNT; r++) {
                out->point[r] = e[r]->point;
                out->upper[r] = e[r]->upper;
        }
        out->complexity = complexity_from_score(score);
}
