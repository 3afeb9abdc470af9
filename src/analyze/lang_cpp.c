/* C++ (tree-sitter-cpp 0.23.4). CCN as lizard's C/C++ reader: if for while catch case && || ?. */
#include "analyze/lang.h"

const TSLanguage *tree_sitter_cpp(void);

static const struct role_entry nodes[] = {
    {"function_definition", ROLE_FUNCTION},
    {"lambda_expression", ROLE_CLOSURE},
    {"if_statement", ROLE_IF},
    {"for_statement", ROLE_LOOP},
    {"for_range_loop", ROLE_LOOP},
    {"while_statement", ROLE_LOOP},
    {"do_statement", ROLE_LOOP},
    {"switch_statement", ROLE_SWITCH},
    {"catch_clause", ROLE_CATCH},
    {"conditional_expression", ROLE_TERNARY},
    {"binary_expression", ROLE_BOOL_EXPR},
    {"goto_statement", ROLE_JUMP},
    {"call_expression", ROLE_CALL},
    {"new_expression", ROLE_NEW_ARRAY},
    {"preproc_include", ROLE_IMPORT},
    {"comment", ROLE_COMMENT},
    {"string_literal", ROLE_STRING},
    {"raw_string_literal", ROLE_STRING},
    {"char_literal", ROLE_STRING},
    {"system_lib_string", ROLE_STRING},
    {"initializer_list", ROLE_COLLECTION},
    {"number_literal", ROLE_NUMBER},
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
    {"else", ROLE_ELSE},
    {NULL, 0},
};

const struct lang_spec lang_cpp = {
    .name = "cpp",
    .language = tree_sitter_cpp,
    .extensions = (const char *const[]){".cc", ".cpp", ".cxx", ".c++", ".hh", ".hpp", ".hxx",
                                        ".h++", ".ipp", ".tcc", NULL},
    .interpreters = NULL,
    .nodes = nodes,
    .tokens = tokens,
    .name_fields = (const char *const[]){"name", NULL},
    .param_fields = (const char *const[]){"parameters", NULL},
    .callee_fields = (const char *const[]){"function", NULL},
    .import_fields = (const char *const[]){"path", NULL},
    .loop_bound_fields = (const char *const[]){"condition", "right", NULL},
    .loop_var_fields = (const char *const[]){"initializer", "update", "declarator", NULL},
    .self_names = (const char *const[]){"this", NULL},
};
