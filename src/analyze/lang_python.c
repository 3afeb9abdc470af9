/* Python (tree-sitter-python 0.23.6). CCN as lizard's Python reader: if elif for while except
 * and or, plus 'case' of match; comprehension 'for'/'if' and conditional-expression 'if' are
 * the same keywords and count too. */
#include "analyze/lang.h"

const TSLanguage *tree_sitter_python(void);

static const struct role_entry nodes[] = {
    {"function_definition", ROLE_FUNCTION},
    {"lambda", ROLE_CLOSURE},
    {"if_statement", ROLE_IF},
    {"elif_clause", ROLE_ELSE_IF},
    {"for_statement", ROLE_LOOP},
    {"while_statement", ROLE_LOOP},
    {"for_in_clause", ROLE_COMPREHENSION},
    {"match_statement", ROLE_SWITCH},
    {"except_clause", ROLE_CATCH},
    {"except_group_clause", ROLE_CATCH},
    {"conditional_expression", ROLE_TERNARY},
    {"boolean_operator", ROLE_BOOL_EXPR},
    {"call", ROLE_CALL},
    {"import_statement", ROLE_IMPORT},
    {"import_from_statement", ROLE_IMPORT},
    {"future_import_statement", ROLE_IMPORT},
    {"comment", ROLE_COMMENT},
    {"string", ROLE_STRING},
    {"list", ROLE_COLLECTION},
    {"tuple", ROLE_COLLECTION},
    {"set", ROLE_COLLECTION},
    {"dictionary", ROLE_COLLECTION},
    {"integer", ROLE_NUMBER},
    {"float", ROLE_NUMBER},
    {"identifier", ROLE_IDENT},
    {"keyword_separator", ROLE_PARAM_SKIP},
    {"positional_separator", ROLE_PARAM_SKIP},
    {NULL, 0},
};

static const struct role_entry tokens[] = {
    {"if", ROLE_CCN},
    {"elif", ROLE_CCN},
    {"for", ROLE_CCN},
    {"while", ROLE_CCN},
    {"except", ROLE_CCN},
    {"finally", ROLE_CCN},
    {"and", ROLE_CCN | ROLE_BOOL_OP},
    {"or", ROLE_CCN | ROLE_BOOL_OP},
    {"case", ROLE_CCN},
    {"else", ROLE_ELSE},
    {NULL, 0},
};

const struct lang_spec lang_python = {
    .name = "python",
    .language = tree_sitter_python,
    .extensions = (const char *const[]){".py", ".pyw", ".pyi", NULL},
    .interpreters = (const char *const[]){"python", "pypy", NULL},
    .nodes = nodes,
    .tokens = tokens,
    .name_fields = (const char *const[]){"name", NULL},
    .param_fields = (const char *const[]){"parameters", NULL},
    .callee_fields = (const char *const[]){"function", NULL},
    .import_fields = (const char *const[]){"module_name", "name", NULL},
    .loop_bound_fields = (const char *const[]){"right", "condition", NULL},
    .loop_var_fields = (const char *const[]){"left", NULL},
    .self_names = (const char *const[]){"self", "cls", NULL},
    .docstrings = true,
};
