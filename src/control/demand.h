/* From a prediction (src/predict) to what the control loop reads: kept apart from control.h so
 * that control_step and the trace replay do not depend on the predictor. */
#pragma once

#include "control/control.h"
#include "predict/predict.h"

/* "high" -> CX_HIGH, "medium" -> CX_MEDIUM, anything else (NULL included) -> CX_LOW. */
enum complexity complexity_from_score(const char *score);
/* Point and upper bound per resource (CPU millicores, memory bytes, net bit/s) and the tier. */
void control_demand_from(const struct demand *d, const char *score, struct control_demand *out);
