/* GET|PUT /v1/policy: the scaling policy of the control loop (src/control/policy.h, in the units
 * people type). A PUT replaces the whole policy: the fields it gives over the daemon's starting
 * policy (the defaults with --config's and --policy's fields); executions that start afterwards
 * use it, running ones keep theirs; the warm pool's TTL and size and the overcommit factor apply
 * to admissions from then on. Notifications and executions pick their class here. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
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
        int e = policy_over_json(&S->policy_base, o, &p, why, sizeof(why));
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
        pool_apply_policy(S, &p);
        pthread_mutex_unlock(&S->policy_lock);
        return api_policy_get(S, r);
}

int serve_pick_class(struct server *S, json_t *o, struct pooled *p, struct reply *r)
{
        json_t *jp = json_object_get(o, "priority");
        json_int_t prio = json_integer_value(jp);
        if (prio < INT_MIN || prio > INT_MAX) {
                reply_error(r, 400, "priority must fit a 32-bit integer", "priority");
                return -EINVAL;
        }
        const char *name = json_string_value(json_object_get(o, "class"));
        pthread_mutex_lock(&S->policy_lock);
        const struct policy *pol = &S->policy;
        const struct policy_class *c = NULL;
        if (name) {
                for (size_t i = 0; i < pol->n_classes && !c; i++)
                        if (!strcmp(pol->classes[i].name, name))
                                c = &pol->classes[i];
        } else if (jp) {
                c = policy_class_of_priority(pol, (int)prio);
        }
        if (c) {
                snprintf(p->klass, sizeof(p->klass), "%s", c->name);
                p->priority = jp ? (int)prio : c->priority;
                p->overcommit = isnan(c->overcommit) ? pol->overcommit : c->overcommit;
        } else {
                p->klass[0] = '\0';
                p->priority = (int)prio;
                p->overcommit = pol->overcommit;
        }
        pthread_mutex_unlock(&S->policy_lock);
        if (name && !c) {
                reply_error(r, 400, "no such class in the policy (GET /v1/policy lists them)",
                            "class");
                return -ENOENT;
        }
        return 0;
}
