/* One table per language. The walk in walk.c knows no language: everything it needs to know about
 * a grammar is here, as lists of node-type names with a role. Adding a language is one new
 * lang_<name>.c with one of these tables, one line in lang.c's registry, and one grammar pin in
 * third_party/grammars/grammars.lock.json.
 *
 * `nodes` names named node types; `tokens` names anonymous tokens (keywords, operators). A name
 * matches every symbol of that spelling and kind (grammars alias some). */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

/* Roles a node type can have; a symbol may have several. */
enum node_role {
        ROLE_FUNCTION = 1u << 0,    /* a function lizard reports separately */
        ROLE_CLOSURE = 1u << 1,     /* lambda/closure folded into its enclosing function */
        ROLE_IF = 1u << 2,          /* if statement/expression (cognitive +1 + nesting) */
        ROLE_ELSE_IF = 1u << 3,     /* elif-like clause (cognitive +1, no nesting increment) */
        ROLE_LOOP = 1u << 4,        /* loops: count, depth, bound, cognitive +1 + nesting */
        ROLE_SWITCH = 1u << 5,      /* switch/match (cognitive +1 + nesting) */
        ROLE_CATCH = 1u << 6,       /* catch/except (cognitive +1 + nesting) */
        ROLE_TERNARY = 1u << 7,     /* conditional expression (cognitive +1 + nesting) */
        ROLE_BOOL_EXPR = 1u << 8,   /* binary expression whose operator may be boolean */
        ROLE_JUMP = 1u << 9,        /* goto / labelled break, continue (cognitive +1 if labelled) */
        ROLE_CALL = 1u << 10,       /* call expression */
        ROLE_IMPORT = 1u << 11,     /* import / include / use */
        ROLE_COMMENT = 1u << 12,    /* comment: no lines, no tokens */
        ROLE_STRING = 1u << 13,     /* string literal: one opaque token (as lizard) */
        ROLE_COLLECTION = 1u << 14, /* list/array/dict/set literal: elements are its size */
        ROLE_NEW_ARRAY = 1u << 15,  /* new T[N], new int[N] */
        ROLE_NUMBER = 1u << 16,     /* numeric literal */
        ROLE_IDENT = 1u << 17,      /* identifier */
        ROLE_PARAM_SKIP = 1u << 18, /* a child of a parameter list that is not a parameter */
        ROLE_COMPREHENSION = 1u << 19, /* comprehension: a loop for depth, growth */
        /* anonymous tokens */
        ROLE_CCN = 1u << 20,     /* adds 1 to the cyclomatic complexity (lizard's conditions) */
        ROLE_BOOL_OP = 1u << 21, /* &&, ||, and, or */
        ROLE_ELSE = 1u << 22,    /* the 'else' keyword (cognitive +1) */
};

struct role_entry {
        const char *type;
        uint32_t roles;
};

struct lang_spec {
        const char *name;                    /* "python": --lang and JSON "language" */
        const TSLanguage *(*language)(void); /* tree_sitter_<name>() */
        const char *const *extensions;       /* ".py", ... NULL-terminated */
        const char *const *interpreters;     /* shebang interpreters: "python3", ... */
        const struct role_entry *nodes;      /* named node types, {NULL, 0}-terminated */
        const struct role_entry *tokens;     /* anonymous tokens, {NULL, 0}-terminated */
        /* Field names, tried in order (NULL-terminated). */
        const char *const *name_fields;       /* function name: "name", or a "declarator" chain */
        const char *const *param_fields;      /* parameter list: "parameters", "parameter" */
        const char *const *callee_fields;     /* callee of a call: "function", "name" */
        const char *const *import_fields;     /* library named by an import: "path", "source" */
        const char *const *loop_bound_fields; /* what bounds a loop: "condition", "right" */
        const char *const *loop_var_fields;   /* loop variables: "left", "initializer" */
        const char *const *self_names;        /* receivers meaning "this object": "self", "this" */
        bool docstrings; /* first string statement of a body is a docstring (not NLOC) */
        /* A file detected by extension as this language is really `refine_to` when one of
         * `refine_markers` occurs in its first 64 KiB (".h" files holding C++). */
        const char *refine_to;
        const char *const *refine_markers;
};

/* A language's table resolved against its grammar: roles indexed by symbol. Built once, shared
 * read-only by all threads. */
struct lang {
        const struct lang_spec *spec;
        const TSLanguage *ts;
        uint32_t n_symbols;
        uint32_t *roles; /* [n_symbols]; owned here, never freed (lives for the process) */
        TSFieldId *name_fields, *param_fields, *callee_fields, *import_fields;
        TSFieldId *loop_bound_fields, *loop_var_fields; /* 0-terminated */
        TSFieldId f_operator, f_body, f_declarator, f_arguments;
};

/* The registry: every language presize knows. */
extern const struct lang_spec *const lang_specs[];

/* The resolved language by name ("python", "ts", "c++" accepted as aliases); NULL if unknown. */
const struct lang *lang_by_name(const char *name);
/* From the path's extension, or a "#!" line at the start of src. NULL if neither says. */
const struct lang *lang_detect(const char *path, const char *src, size_t len);
/* Comma-separated list of language names, for messages. */
const char *lang_names(void);

static inline uint32_t lang_roles(const struct lang *l, TSSymbol s)
{
        return s < l->n_symbols ? l->roles[s] : 0;
}
