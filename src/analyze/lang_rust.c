/* Rust (tree-sitter-rust 0.23.3). CCN as lizard's Rust reader: if for while && || ? and one per
 * match arm. */
#include "analyze/lang.h"

const TSLanguage *tree_sitter_rust(void);

static const struct role_entry nodes[] = {
    {"function_item", ROLE_FUNCTION},
    {"closure_expression", ROLE_CLOSURE},
    {"if_expression", ROLE_IF},
    {"for_expression", ROLE_LOOP},
    {"while_expression", ROLE_LOOP},
    {"loop_expression", ROLE_LOOP},
    {"match_expression", ROLE_SWITCH},
    {"match_arm", ROLE_CCN},
    {"binary_expression", ROLE_BOOL_EXPR},
    {"break_expression", ROLE_JUMP},
    {"continue_expression", ROLE_JUMP},
    {"call_expression", ROLE_CALL},
    {"macro_invocation", ROLE_CALL},
    {"use_declaration", ROLE_IMPORT},
    {"line_comment", ROLE_COMMENT},
    {"block_comment", ROLE_COMMENT},
    {"string_literal", ROLE_STRING},
    {"raw_string_literal", ROLE_STRING},
    {"char_literal", ROLE_STRING},
    {"array_expression", ROLE_COLLECTION},
    {"integer_literal", ROLE_NUMBER},
    {"float_literal", ROLE_NUMBER},
    {"identifier", ROLE_IDENT},
    {NULL, 0},
};

static const struct role_entry tokens[] = {
    {"if", ROLE_CCN},
    {"for", ROLE_CCN},
    {"while", ROLE_CCN},
    {"?", ROLE_CCN},
    {"&&", ROLE_CCN | ROLE_BOOL_OP},
    {"||", ROLE_CCN | ROLE_BOOL_OP},
    {"else", ROLE_ELSE},
    {NULL, 0},
};

const struct lang_spec lang_rust = {
    .name = "rust",
    .language = tree_sitter_rust,
    .extensions = (const char *const[]){".rs", NULL},
    .interpreters = (const char *const[]){"run-cargo-script", NULL},
    .nodes = nodes,
    .tokens = tokens,
    .name_fields = (const char *const[]){"name", NULL},
    .param_fields = (const char *const[]){"parameters", NULL},
    .callee_fields = (const char *const[]){"function", "macro", NULL},
    .import_fields = (const char *const[]){"argument", NULL},
    .loop_bound_fields = (const char *const[]){"value", "condition", NULL},
    .loop_var_fields = (const char *const[]){"pattern", NULL},
    .self_names = (const char *const[]){"self", "Self", NULL},
};
