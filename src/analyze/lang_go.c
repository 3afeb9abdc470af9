/* Go (tree-sitter-go 0.23.4). CCN as lizard's Go reader: if for case && ||. */
#include "analyze/lang.h"

const TSLanguage *tree_sitter_go(void);

static const struct role_entry nodes[] = {
    {"function_declaration", ROLE_FUNCTION},
    {"method_declaration", ROLE_FUNCTION},
    {"func_literal", ROLE_CLOSURE},
    {"if_statement", ROLE_IF},
    {"for_statement", ROLE_LOOP},
    {"expression_switch_statement", ROLE_SWITCH},
    {"type_switch_statement", ROLE_SWITCH},
    {"select_statement", ROLE_SWITCH},
    {"binary_expression", ROLE_BOOL_EXPR},
    {"break_statement", ROLE_JUMP},
    {"continue_statement", ROLE_JUMP},
    {"goto_statement", ROLE_JUMP},
    {"call_expression", ROLE_CALL},
    {"import_spec", ROLE_IMPORT},
    {"comment", ROLE_COMMENT},
    {"interpreted_string_literal", ROLE_STRING},
    {"raw_string_literal", ROLE_STRING},
    {"rune_literal", ROLE_STRING},
    {"literal_value", ROLE_COLLECTION},
    {"int_literal", ROLE_NUMBER},
    {"float_literal", ROLE_NUMBER},
    {"identifier", ROLE_IDENT},
    {NULL, 0},
};

static const struct role_entry tokens[] = {
    {"if", ROLE_CCN},
    {"for", ROLE_CCN},
    {"case", ROLE_CCN},
    {"&&", ROLE_CCN | ROLE_BOOL_OP},
    {"||", ROLE_CCN | ROLE_BOOL_OP},
    {"else", ROLE_ELSE},
    {NULL, 0},
};

const struct lang_spec lang_go = {
    .name = "go",
    .language = tree_sitter_go,
    .extensions = (const char *const[]){".go", NULL},
    .interpreters = NULL,
    .nodes = nodes,
    .tokens = tokens,
    .name_fields = (const char *const[]){"name", NULL},
    .param_fields = (const char *const[]){"parameters", NULL},
    .callee_fields = (const char *const[]){"function", NULL},
    .import_fields = (const char *const[]){"path", NULL},
    .loop_bound_fields = (const char *const[]){"condition", "right", NULL},
    .loop_var_fields = (const char *const[]){"initializer", "update", "left", NULL},
    .self_names = NULL,
};
