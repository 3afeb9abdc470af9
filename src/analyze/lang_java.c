/* Java (tree-sitter-java 0.23.5). CCN as lizard's Java reader: if for while catch case && || ?. */
#include "analyze/lang.h"

const TSLanguage *tree_sitter_java(void);

static const struct role_entry nodes[] = {
    {"method_declaration", ROLE_FUNCTION},
    {"constructor_declaration", ROLE_FUNCTION},
    {"compact_constructor_declaration", ROLE_FUNCTION},
    {"lambda_expression", ROLE_CLOSURE},
    {"if_statement", ROLE_IF},
    {"for_statement", ROLE_LOOP},
    {"enhanced_for_statement", ROLE_LOOP},
    {"while_statement", ROLE_LOOP},
    {"do_statement", ROLE_LOOP},
    {"switch_expression", ROLE_SWITCH},
    {"catch_clause", ROLE_CATCH},
    {"ternary_expression", ROLE_TERNARY},
    {"binary_expression", ROLE_BOOL_EXPR},
    {"break_statement", ROLE_JUMP},
    {"continue_statement", ROLE_JUMP},
    {"method_invocation", ROLE_CALL},
    {"object_creation_expression", ROLE_CALL},
    {"array_creation_expression", ROLE_NEW_ARRAY},
    {"import_declaration", ROLE_IMPORT},
    {"line_comment", ROLE_COMMENT},
    {"block_comment", ROLE_COMMENT},
    {"string_literal", ROLE_STRING},
    {"character_literal", ROLE_STRING},
    {"array_initializer", ROLE_COLLECTION},
    {"decimal_integer_literal", ROLE_NUMBER},
    {"hex_integer_literal", ROLE_NUMBER},
    {"decimal_floating_point_literal", ROLE_NUMBER},
    {"identifier", ROLE_IDENT},
    {"receiver_parameter", ROLE_PARAM_SKIP},
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
    {"else", ROLE_ELSE},
    {NULL, 0},
};

const struct lang_spec lang_java = {
    .name = "java",
    .language = tree_sitter_java,
    .extensions = (const char *const[]){".java", NULL},
    .interpreters = (const char *const[]){"java", NULL},
    .nodes = nodes,
    .tokens = tokens,
    .name_fields = (const char *const[]){"name", NULL},
    .param_fields = (const char *const[]){"parameters", NULL},
    .callee_fields = (const char *const[]){"name", "type", NULL},
    .import_fields = NULL,
    .loop_bound_fields = (const char *const[]){"condition", "value", NULL},
    .loop_var_fields = (const char *const[]){"init", "update", "name", NULL},
    .self_names = (const char *const[]){"this", NULL},
};
