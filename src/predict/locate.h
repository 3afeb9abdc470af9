/* Store and model lookup for the CLI subcommands (train, predict, eval). */
#pragma once

#include <stddef.h>

#include "predict/predict.h"

struct store;

/* Open the store; on failure say why on stderr (prefixed "presize CMD: ") and return the exit
 * status (1); 0 on success. */
int cli_open_store(const char *cmd, const char *path, struct store **out);
/* The store's latest model; -ENOENT when it has none. */
int model_from_store(struct store *s, struct model **out, const char **why);
/* Keep a trained model in the store, named presize-YYYYMMDDTHHMMSSZ (name gets it). */
int model_keep_in_store(struct store *s, const struct model *m, char *name, size_t len);
/* The shipped model; -ENOENT when none is found. path gets where it was. */
int model_shipped(struct model **out, char *path, size_t len, const char **why);
