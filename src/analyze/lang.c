/* The language registry, detection, and the resolution of each table's node-type names to the
 * grammar's symbol ids (done once, under pthread_once, then read-only). */
#include "analyze/lang.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/cleanup.h"

extern const struct lang_spec lang_python, lang_javascript, lang_typescript, lang_tsx, lang_c,
    lang_cpp, lang_java, lang_go, lang_rust;

const struct lang_spec *const lang_specs[] = {
    &lang_python, &lang_javascript, &lang_typescript, &lang_tsx,  &lang_c,
    &lang_cpp,    &lang_java,       &lang_go,         &lang_rust, NULL,
};

#define N_LANGS (ARRAY_SIZE(lang_specs) - 1)

static struct lang langs[N_LANGS];
static pthread_once_t langs_once = PTHREAD_ONCE_INIT;
static char names_buf[256];

static TSFieldId *resolve_fields(const TSLanguage *ts, const char *const *names)
{
        size_t n = 0;
        while (names && names[n])
                n++;
        TSFieldId *ids = calloc(n + 1, sizeof(*ids));
        if (!ids)
                abort();
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
                TSFieldId id = ts_language_field_id_for_name(ts, names[i], strlen(names[i]));
                if (id)
                        ids[k++] = id;
        }
        return ids;
}

static TSFieldId field_id(const TSLanguage *ts, const char *name)
{
        return ts_language_field_id_for_name(ts, name, strlen(name));
}

static void resolve(struct lang *l, const struct lang_spec *spec)
{
        l->spec = spec;
        l->ts = spec->language();
        l->n_symbols = ts_language_symbol_count(l->ts);
        l->roles = calloc(l->n_symbols, sizeof(*l->roles));
        if (!l->roles)
                abort();
        for (uint32_t s = 0; s < l->n_symbols; s++) {
                const char *name = ts_language_symbol_name(l->ts, (TSSymbol)s);
                if (!name)
                        continue;
                bool named = ts_language_symbol_type(l->ts, (TSSymbol)s) == TSSymbolTypeRegular;
                if (named)
                        for (const struct role_entry *e = spec->nodes; e->type; e++)
                                if (strcmp(e->type, name) == 0)
                                        l->roles[s] |= e->roles;
                if (!named)
                        for (const struct role_entry *e = spec->tokens; e->type; e++)
                                if (strcmp(e->type, name) == 0)
                                        l->roles[s] |= e->roles;
        }
        l->name_fields = resolve_fields(l->ts, spec->name_fields);
        l->param_fields = resolve_fields(l->ts, spec->param_fields);
        l->callee_fields = resolve_fields(l->ts, spec->callee_fields);
        l->import_fields = resolve_fields(l->ts, spec->import_fields);
        l->loop_bound_fields = resolve_fields(l->ts, spec->loop_bound_fields);
        l->loop_var_fields = resolve_fields(l->ts, spec->loop_var_fields);
        l->f_operator = field_id(l->ts, "operator");
        l->f_body = field_id(l->ts, "body");
        l->f_declarator = field_id(l->ts, "declarator");
        l->f_arguments = field_id(l->ts, "arguments");
}

static void init_langs(void)
{
        size_t off = 0;
        for (size_t i = 0; i < N_LANGS; i++) {
                resolve(&langs[i], lang_specs[i]);
                int n = snprintf(names_buf + off, sizeof(names_buf) - off, "%s%s", i ? ", " : "",
                                 lang_specs[i]->name);
                if (n > 0 && (size_t)n < sizeof(names_buf) - off)
                        off += (size_t)n;
        }
}

static const struct lang *all_langs(void)
{
        pthread_once(&langs_once, init_langs);
        return langs;
}

const char *lang_names(void)
{
        all_langs();
        return names_buf;
}

static const struct {
        const char *alias, *name;
} aliases[] = {
    {"py", "python"}, {"js", "javascript"}, {"ts", "typescript"}, {"c++", "cpp"},
    {"cc", "cpp"},    {"golang", "go"},     {"rs", "rust"},
};

const struct lang *lang_by_name(const char *name)
{
        const struct lang *ls = all_langs();
        for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
                if (strcasecmp(name, aliases[i].alias) == 0)
                        name = aliases[i].name;
        for (size_t i = 0; i < N_LANGS; i++)
                if (strcasecmp(name, ls[i].spec->name) == 0)
                        return &ls[i];
        return NULL;
}

static const struct lang *by_extension(const char *path)
{
        const struct lang *ls = all_langs();
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        const char *dot = strrchr(base, '.');
        if (!dot || dot == base)
                return NULL;
        for (size_t i = 0; i < N_LANGS; i++)
                for (const char *const *e = ls[i].spec->extensions; *e; e++)
                        if (strcmp(dot, *e) == 0)
                                return &ls[i];
        return NULL;
}

/* "#!/usr/bin/env python3 -u" -> "python3"; "#!/usr/bin/node" -> "node". */
static const struct lang *by_shebang(const char *src, size_t len)
{
        if (len < 3 || src[0] != '#' || src[1] != '!')
                return NULL;
        const char *end = memchr(src, '\n', len > 256 ? 256 : len);
        size_t n = end ? (size_t)(end - src) : (len > 256 ? 256 : len);
        char line[257];
        memcpy(line, src + 2, n - 2);
        line[n - 2] = '\0';
        char *save = NULL;
        char *word = strtok_r(line, " \t\r", &save);
        if (!word)
                return NULL;
        const char *prog = strrchr(word, '/') ? strrchr(word, '/') + 1 : word;
        if (strcmp(prog, "env") == 0) {
                do
                        word = strtok_r(NULL, " \t\r", &save);
                while (word && word[0] == '-');
                if (!word)
                        return NULL;
                prog = word;
        }
        const struct lang *ls = all_langs();
        for (size_t i = 0; i < N_LANGS; i++)
                for (const char *const *p = ls[i].spec->interpreters; p && *p; p++) {
                        size_t pl = strlen(*p);
                        /* "python3.11" matches "python3", "python" */
                        if (strncmp(prog, *p, pl) == 0 && (prog[pl] == '\0' || prog[pl] == '.' ||
                                                           (prog[pl] >= '0' && prog[pl] <= '9')))
                                return &ls[i];
                }
        return NULL;
}

static const struct lang *refine(const struct lang *l, const char *src, size_t len)
{
        const struct lang_spec *s = l->spec;
        if (!s->refine_to || !s->refine_markers || !src)
                return l;
        size_t n = len < 65536 ? len : 65536;
        for (const char *const *m = s->refine_markers; *m; m++)
                if (memmem(src, n, *m, strlen(*m))) {
                        const struct lang *r = lang_by_name(s->refine_to);
                        return r ? r : l;
                }
        return l;
}

const struct lang *lang_detect(const char *path, const char *src, size_t len)
{
        const struct lang *l = path ? by_extension(path) : NULL;
        return l ? refine(l, src, len) : by_shebang(src, len);
}
