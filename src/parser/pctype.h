/* Locale-independent ASCII character classes for the parser (Python source is not
 * locale-dependent, so <ctype.h> is avoided). */
#ifndef KR_PARSER_PCTYPE_H
#define KR_PARSER_PCTYPE_H
static inline int kr_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int kr_isalpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int kr_isalnum(int c) { return kr_isdigit(c) || kr_isalpha(c); }
static inline int kr_isxdigit(int c) { return kr_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static inline int kr_tolower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
#define Py_ISDIGIT(c) kr_isdigit((unsigned char)(c))
#define Py_ISALPHA(c) kr_isalpha((unsigned char)(c))
#define Py_ISALNUM(c) kr_isalnum((unsigned char)(c))
#define Py_ISXDIGIT(c) kr_isxdigit((unsigned char)(c))
#define Py_TOLOWER(c) kr_tolower((unsigned char)(c))
#endif
