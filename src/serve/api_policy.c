/* GET|PUT /v1/policy: the scaling policy of the control loop (src/control/policy.h, in the units
 * people type). A PUT replaces the whole policy: the fields it gives over the defaults, as
 * `presize run --policy`; executions that start afterwards use it, running ones keep theirs. */
#include <string.h>

#include "serve/internal.h"

int api_policy_get(struct server *S, struct reply *r)
{
        pthread_mutex_lock(&S->policy_lock);
        json_t *o = policy_to_json(&S->policy);
        pthread_mutex_unlock(&S->policy_lock);
        if (!o) {
                reply_error(r, 500, "out of memory", NULL);
                return 0;
        }
        reply_json(r, 200, o);
        return 0;
}

int api_policy_put(struct server *S, struct request *rq, struct reply *r)
{
        json_t *o = NULL;
        if (body_object(rq, &o, r) < 0)
                return 0;
        struct policy p;
        char why[256] = "";
        int e = policy_from_json(o, &p, why, sizeof(why));
        json_decref(o);
        if (e < 0) {
                /* "memory.max: '2Gx' is not a size": the field is what comes before ": " */
                char field[128] = "";
                const char *colon = strstr(why, ": ");
                if (colon && (size_t)(colon - why) < sizeof(field))
                        memcpy(field, why, (size_t)(colon - why));
                reply_error(r, 400, why[0] ? why : "invalid policy", field[0] ? field : NULL);
                return 0;
        }
        pthread_mutex_lock(&S->policy_lock);
        S->policy = p;
        pthread_mutex_unlock(&S->policy_lock);
        return api_policy_get(S, r);
}
