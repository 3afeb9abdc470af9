/* JavaScript (tree-sitter-javascript 0.23.1) and, sharing its node table, TypeScript and TSX
 * (tree-sitter-typescript 0.23.2, whose grammar extends JavaScript's). CCN as lizard's JS reader:
 * if for while catch case && || ?; every function, arrow or method is its own function. */
#include "analyze/lang.h"

const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

static const struct role_entry nodes[] = {
    {"function_declaration", ROLE_FUNCTION},
    {"function_expression", ROLE_FUNCTION},
    {"generator_function", ROLE_FUNCTION},
    {"generator_function_declaration", ROLE_FUNCTION},
    {"arrow_function", ROLE_FUNCTION},
    {"method_definition", ROLE_FUNCTION},
    {"if_statement", ROLE_IF},
    {"for_statement", ROLE_LOOP},
    {"for_in_statement", ROLE_LOOP},
    {"while_statement", ROLE_LOOP},
    {"do_statement", ROLE_LOOP},
    {"switch_statement", ROLE_SWITCH},
    {"catch_clause", ROLE_CATCH},
    {"ternary_expression", ROLE_TERNARY},
    {"binary_expression", ROLE_BOOL_EXPR},
    {"break_statement", ROLE_JUMP},
    {"continue_statement", ROLE_JUMP},
    {"call_expression", ROLE_CALL},
    {"new_expression", ROLE_CALL},
    {"import_statement", ROLE_IMPORT},
    {"comment", ROLE_COMMENT},
    {"html_comment", ROLE_COMMENT},
    {"string", ROLE_STRING},
    {"template_string", ROLE_STRING},
    {"regex", ROLE_STRING},
    {"array", ROLE_COLLECTION},
    {"object", ROLE_COLLECTION},
    {"number", ROLE_NUMBER},
    {"identifier", ROLE_IDENT},
    {NULL, 0},
};

static const struct role_entry tokens[] = {
    {"if", ROLE_CCN},
    {"for", ROLE_CCN},
    {"while", ROLE_CCN},
    {"catch", ROLE_CCN},
    {"case", ROLE_CCN},
    {"?", ROLE_CCN},
    {"&&", ROLE_CCN | ROLE_BOOL_OP},
    {"||", ROLE_CCN | ROLE_BOOL_OP},
    {"??", ROLE_BOOL_OP},
    {"else", ROLE_ELSE},
    {NULL, 0},
};

#define JS_FIELDS                                                                                  \
        .nodes = nodes, .tokens = tokens,                                                          \
        .name_fields = (const char *const[]){"name", "key", "left", NULL},                         \
        .param_fields = (const char *const[]){"parameters", "parameter", NULL},                    \
        .callee_fields = (const char *const[]){"function", "constructor", NULL},                   \
        .import_fields = (const char *const[]){"source", NULL},                                    \
        .loop_bound_fields = (const char *const[]){"condition", "right", NULL},                    \
        .loop_var_fields = (const char *const[]){"initializer", "increment", "left", NULL},        \
        .self_names = (const char *const[])                                                        \
        {                                                                                          \
                "this", NULL                                                                       \
        }

const struct lang_spec lang_javascript = {
    .name = "javascript",
    .language = tree_sitter_javascript,
    .extensions = (const char *const[]){".js", ".mjs", ".cjs", ".jsx", NULL},
    .interpreters = (const char *const[]){"node", "nodejs", "deno", "bun", NULL},
    JS_FIELDS,
};

const struct lang_spec lang_typescript = {
    .name = "typescript",
    .language = tree_sitter_typescript,
    .extensions = (const char *const[]){".ts", ".mts", ".cts", NULL},
    .interpreters = (const char *const[]){"ts-node", "tsx", NULL},
    JS_FIELDS,
};

const struct lang_spec lang_tsx = {
    .name = "tsx",
    .language = tree_sitter_tsx,
    .extensions = (const char *const[]){".tsx", NULL},
    .interpreters = NULL,
    JS_FIELDS,
};
