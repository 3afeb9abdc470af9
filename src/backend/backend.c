#include "backend.h"

#include <string.h>

static const struct backend_ops *const backends[] = {&backend_local, NULL};

const struct backend_ops *backend_find(const char *name)
{
        for (const struct backend_ops *const *b = backends; *b; b++)
                if (!strcmp((*b)->name, name))
                        return *b;
        return NULL;
}
