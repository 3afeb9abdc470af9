/* C (tree-sitter-c 0.23.6). CCN as lizard's C reader: if for while case && || ?. */
#include "analyze/lang.h"

const TSLanguage *tree_sitter_c(void);

static const struct role_entry nodes[] = {
    {"function_definition", ROLE_FUNCTION},
    {"if_statement", ROLE_IF},
    {"for_statement", ROLE_LOOP},
    {"while_statement", ROLE_LOOP},
    {"do_statement", ROLE_LOOP},
    {"switch_statement", ROLE_SWITCH},
    {"conditional_expression", ROLE_TERNARY},
    {"binary_expression", ROLE_BOOL_EXPR},
    {"goto_statement", ROLE_JUMP},
    {"call_expression", ROLE_CALL},
    {"preproc_include", ROLE_IMPORT},
    {"comment", ROLE_COMMENT},
    {"string_literal", ROLE_STRING},
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
    {"case", ROLE_CCN},
    {"?", ROLE_CCN},
    {"&&", ROLE_CCN | ROLE_BOOL_OP},
    {"||", ROLE_CCN | ROLE_BOOL_OP},
    {"else", ROLE_ELSE},
    {NULL, 0},
};

const struct lang_spec lang_c = {
    .name = "c",
    .language = tree_sitter_c,
    .extensions = (const char *const[]){".c", ".h", NULL},
    .interpreters = (const char *const[]){"tcc", NULL},
    .nodes = nodes,
    .tokens = tokens,
    .name_fields = (const char *const[]){"name", NULL},
    .param_fields = (const char *const[]){"parameters", NULL},
    .callee_fields = (const char *const[]){"function", NULL},
    .import_fields = (const char *const[]){"path", NULL},
    .loop_bound_fields = (const char *const[]){"condition", NULL},
    .loop_var_fields = (const char *const[]){"initializer", "update", NULL},
    .self_names = NULL,
    /* C++ in a .h file: parsed as C it is mostly error nodes, and slow to recover */
    .refine_to = "cpp",
    .refine_markers = (const char *const[]){"namespace ", "template <", "template<", "public:",
                                            "private:", "protected:", "extern \"C++\"", "::", NULL},
};
