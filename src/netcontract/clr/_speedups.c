/* Compiled versions of netcontract's hot .NET value codecs (optional; see ARCHITECTURE.md).
 *
 * Every function here handles the common, valid inputs and hands everything else (odd shapes,
 * errors, values out of range) to the pure-Python function registered for it with
 * set_fallback(), which stays the reference: an error is therefore always raised by the
 * Python code, with its message. tests/netcontract/clr/test_compiled.py checks that both paths
 * give the same value or the same error on random and corpus inputs.
 *
 * C99 and CPython's C API; no dependency but Python.h.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ fallbacks and set-up */

enum {
    FB_PARSE_DOUBLE_XML,
    FB_PARSE_DOUBLE_JSON_NUMBER,
    FB_FORMAT_DOUBLE_R,
    FB_PARSE_DATETIME,
    FB_FORMAT_DATETIME,
    FB_PARSE_GUID,
    FB_PARSE_DATETIME_JSON,
    FB_COLONS_SURELY,
    FB_TEXT_COLONS,
    FB_PARSE_DOUBLE_JSON_PLAIN, /* (registered, not called: it returns what it declines) */
    FB_FORMAT_SINGLE_R,
    FB_PARSE_SINGLE_XML,
    FB_PARSE_INT_XML,
    FB_ESCAPE_TEXT,
    FB_COUNT
};
static const char *const fallback_names[FB_COUNT] = {
    "parse_double_xml", "parse_double_json_number", "format_double_r",
    "parse_datetime",   "format_datetime",          "parse_guid",
    "parse_datetime_json", "colons_surely",       "text_colons",
    "parse_double_json_plain", "format_single_r", "parse_single_xml",
    "parse_int_xml", "escape_text",
};
static PyObject *fallbacks[FB_COUNT];

/* DateTime: the class, its kinds (UNSPECIFIED, UTC, LOCAL) and its slots' descriptors */
static PyTypeObject *datetime_type;
static PyObject *kind_unspecified, *kind_utc, *kind_local;
static PyObject *slot_ticks, *slot_kind, *slot_offset;
/* "/Date(", the start of a Microsoft date (made at import) */
static PyObject *slash_date;
/* uuid.UUID, its slots' descriptors and SafeUUID.unknown */
static PyTypeObject *uuid_type;
static PyObject *slot_uuid_int, *slot_uuid_safe, *safe_unknown;

static PyObject *
call_fallback(int which, PyObject *arg)
{
    PyObject *fn = fallbacks[which];
    if (fn == NULL) {
        PyErr_Format(PyExc_RuntimeError, "netcontract._speedups: no fallback for %s",
                     fallback_names[which]);
        return NULL;
    }
    return PyObject_CallOneArg(fn, arg);
}

/* the fallback of a codec that takes several arguments (fn(*args)) */
static PyObject *
call_fallback_args(int which, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *fn = fallbacks[which];
    if (fn == NULL) {
        PyErr_Format(PyExc_RuntimeError, "netcontract._speedups: no fallback for %s",
                     fallback_names[which]);
        return NULL;
    }
    return PyObject_Vectorcall(fn, args, (size_t)nargs, NULL);
}

static int
store(PyObject **slot, PyObject *value)
{
    Py_XINCREF(value);
    Py_XSETREF(*slot, value);
    return 0;
}

static PyObject *
set_fallback(PyObject *self, PyObject *args)
{
    const char *name;
    PyObject *fn;
    if (!PyArg_ParseTuple(args, "sO:set_fallback", &name, &fn))
        return NULL;
    for (int i = 0; i < FB_COUNT; i++) {
        if (strcmp(name, fallback_names[i]) == 0) {
            store(&fallbacks[i], fn);
            Py_RETURN_NONE;
        }
    }
    PyErr_Format(PyExc_ValueError, "unknown codec %s", name);
    return NULL;
}

static PyObject *
setup_datetime(PyObject *self, PyObject *args)
{
    PyObject *cls, *unspecified, *utc, *local, *ticks, *kind, *offset;
    if (!PyArg_ParseTuple(args, "O!OOOOOO:setup_datetime", &PyType_Type, &cls, &unspecified,
                          &utc, &local, &ticks, &kind, &offset))
        return NULL;
    store((PyObject **)&datetime_type, cls);
    store(&kind_unspecified, unspecified);
    store(&kind_utc, utc);
    store(&kind_local, local);
    store(&slot_ticks, ticks);
    store(&slot_kind, kind);
    store(&slot_offset, offset);
    Py_RETURN_NONE;
}

static PyObject *
setup_guid(PyObject *self, PyObject *args)
{
    PyObject *cls, *int_slot, *safe_slot, *unknown;
    if (!PyArg_ParseTuple(args, "O!OOO:setup_guid", &PyType_Type, &cls, &int_slot, &safe_slot,
                          &unknown))
        return NULL;
    store((PyObject **)&uuid_type, cls);
    store(&slot_uuid_int, int_slot);
    store(&slot_uuid_safe, safe_slot);
    store(&safe_unknown, unknown);
    Py_RETURN_NONE;
}

/* An ASCII str's characters, or NULL (not a str, or not ASCII: the caller falls back). */
static const char *
ascii_of(PyObject *text, Py_ssize_t *n)
{
    if (!PyUnicode_CheckExact(text))
        return NULL;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0) { /* a legacy (wchar_t) str; Python reports the error */
        PyErr_Clear();
        return NULL;
    }
#endif
    if (!PyUnicode_IS_ASCII(text))
        return NULL;
    *n = PyUnicode_GET_LENGTH(text);
    return (const char *)PyUnicode_1BYTE_DATA(text);
}

static PyObject *
ascii_str(const char *s, Py_ssize_t n)
{
    PyObject *out = PyUnicode_New(n, 127);
    if (out != NULL)
        memcpy(PyUnicode_1BYTE_DATA(out), s, (size_t)n);
    return out;
}

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* ------------------------------------- the CLR decimal -> double conversion (numbers.py) */

/* The runtime's power-of-ten mantissas (numbers.py _POW10_*), and bit lengths of 10^k. */
static const uint64_t pow10_up[15] = {
    0xA000000000000000ULL, 0xC800000000000000ULL, 0xFA00000000000000ULL, 0x9C40000000000000ULL,
    0xC350000000000000ULL, 0xF424000000000000ULL, 0x9896800000000000ULL, 0xBEBC200000000000ULL,
    0xEE6B280000000000ULL, 0x9502F90000000000ULL, 0xBA43B74000000000ULL, 0xE8D4A51000000000ULL,
    0x9184E72A00000000ULL, 0xB5E620F480000000ULL, 0xE35FA931A0000000ULL,
};
static const uint64_t pow10_down[15] = {
    0xCCCCCCCCCCCCCCCDULL, 0xA3D70A3D70A3D70BULL, 0x83126E978D4FDF3CULL, 0xD1B71758E219652EULL,
    0xA7C5AC471B478425ULL, 0x8637BD05AF6C69B7ULL, 0xD6BF94D5E57A42BEULL, 0xABCC77118461CEFFULL,
    0x89705F4136B4A599ULL, 0xDBE6FECEBDEDD5C2ULL, 0xAFEBFF0BCB24AB02ULL, 0x8CBCCC096F5088CFULL,
    0xE12E13424BB40E18ULL, 0xB424DC35095CD813ULL, 0x901D7CF73AB0ACDCULL,
};
static const uint64_t pow10_16_up[21] = {
    0x8E1BC9BF04000000ULL, 0x9DC5ADA82B70B59EULL, 0xAF298D050E4395D6ULL, 0xC2781F49FFCFA6D4ULL,
    0xD7E77A8F87DAF7FAULL, 0xEFB3AB16C59B14A0ULL, 0x850FADC09923329CULL, 0x93BA47C980E98CDEULL,
    0xA402B9C5A8D3A6E6ULL, 0xB616A12B7FE617A8ULL, 0xCA28A291859BBF90ULL, 0xE070F78D39275566ULL,
    0xF92E0C3537826140ULL, 0x8A5296FFE33CC92CULL, 0x9991A6F3D6BF1762ULL, 0xAA7EEBFB9DF9DE8AULL,
    0xBD49D14AA79DBC7EULL, 0xD226FC195C6A2F88ULL, 0xE950DF20247C83F8ULL, 0x81842F29F2CCE373ULL,
    0x8FCAC257558EE4E2ULL,
};
static const uint64_t pow10_16_down[21] = {
    0xE69594BEC44DE160ULL, 0xCFB11EAD453994C3ULL, 0xBB127C53B17EC165ULL, 0xA87FEA27A539E9B3ULL,
    0x97C560BA6B0919B5ULL, 0x88B402F7FD7553ABULL, 0xF64335BCF065D3A0ULL, 0xDDD0467C64BCE4C4ULL,
    0xC7CABA6E7C5382EDULL, 0xB3F4E093DB73A0B7ULL, 0xA21727DB38CB0053ULL, 0x91FF83775423CC29ULL,
    0x8380DEA93DA4BC82ULL, 0xECE53CEC4A314F00ULL, 0xD5605FCDCF32E217ULL, 0xC0314325637A1978ULL,
    0xAD1C8EAB5EE43BA2ULL, 0x9BECCE62836AC5B0ULL, 0x8C71DCD9BA0B495CULL, 0xFD00B89747823938ULL,
    0xE3E27A444D8D991AULL,
};
static const int bits_small[15] = {4, 7, 10, 14, 17, 20, 24, 27, 30, 34, 37, 40, 44, 47, 50};
static const int bits_big[21] = {54,  107, 160, 213, 266, 319, 373, 426, 479,  532, 585,
                                 638, 691, 745, 798, 851, 904, 957, 1010, 1064, 1117};

#define SCALE_LIMIT (22 * 16)
#define INF_BITS 0x7FF0000000000000ULL
#define TOP64 0x8000000000000000ULL

/* The runtime's lossy 64x64 multiply: the low x low partial product is dropped. */
static void
mul_step(uint64_t *val, int *exp, uint64_t mult, int delta)
{
    uint64_t ah = *val >> 32, al = *val & 0xFFFFFFFFULL;
    uint64_t bh = mult >> 32, bl = mult & 0xFFFFFFFFULL;
    uint64_t v = ah * bh + ((ah * bl) >> 32) + ((al * bh) >> 32);
    *exp += delta;
    if (!(v & TOP64)) {
        v <<= 1;
        *exp -= 1;
    }
    *val = v;
}

/* numbers._clr_to_bits: IEEE bits of mantissa * 10**power as the CLR computes them. */
static uint64_t
clr_to_bits(uint64_t mantissa, int64_t power)
{
    if (!(-SCALE_LIMIT < power && power < SCALE_LIMIT))
        return power > 0 ? INF_BITS : 0;
    int shift = __builtin_clzll(mantissa);
    uint64_t val = mantissa << shift;
    int exp = 64 - shift;
    int mag = (int)(power < 0 ? -power : power);
    int small = mag & 15, big = mag >> 4;
    if (small) {
        if (power < 0)
            mul_step(&val, &exp, pow10_down[small - 1], 1 - bits_small[small - 1]);
        else
            mul_step(&val, &exp, pow10_up[small - 1], bits_small[small - 1]);
    }
    if (big) {
        if (power < 0)
            mul_step(&val, &exp, pow10_16_down[big - 1], 1 - bits_big[big - 1]);
        else
            mul_step(&val, &exp, pow10_16_up[big - 1], bits_big[big - 1]);
    }
    if (val & 0x400) {
        uint64_t sum = val + 0x3FF + ((val >> 11) & 1);
        if (sum < val) { /* carried out of 64 bits */
            sum = (sum >> 1) | TOP64;
            exp += 1;
        }
        val = sum;
    }
    exp += 0x3FE;
    if (exp <= 0) {
        if (exp == -52 && val >= 0x8000000000000058ULL)
            return 1;
        if (exp <= -52)
            return 0;
        return val >> (12 - exp);
    }
    if (exp >= 0x7FF)
        return INF_BITS;
    return ((uint64_t)exp << 52) | ((val >> 11) & 0xFFFFFFFFFFFFFULL);
}

static double
bits_to_double(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* numbers._clr_parse for validated parts: digits s[i0:i1] (integer part), s[f0:f1] (fraction),
 * exponent s[e0:e1] (sign included; e0 == e1: none). Returns 0 with the magnitude's bits in
 * *bits, or -1 on overflow (the caller falls back so Python raises). */
static int
clr_parse(const char *s, Py_ssize_t i0, Py_ssize_t i1, Py_ssize_t f0, Py_ssize_t f1,
          Py_ssize_t e0, Py_ssize_t e1, uint64_t *bits)
{
    /* the significant digits, across the integer and fraction parts */
    Py_ssize_t total = (i1 - i0) + (f1 - f0);
    Py_ssize_t lead = 0, k;
    for (k = 0; k < total; k++) {
        char c = k < i1 - i0 ? s[i0 + k] : s[f0 + k - (i1 - i0)];
        if (c != '0')
            break;
        lead++;
    }
    if (lead == total) {
        *bits = 0;
        return 0;
    }
    int64_t point = (int64_t)(i1 - i0) - (int64_t)lead;
    Py_ssize_t last = total; /* one past the last non-zero digit */
    while (last > lead) {
        Py_ssize_t j = last - 1;
        char c = j < i1 - i0 ? s[i0 + j] : s[f0 + j - (i1 - i0)];
        if (c != '0')
            break;
        last--;
    }
    Py_ssize_t used = last - lead;
    if (used > 18)
        used = 18;
    uint64_t mantissa = 0;
    for (k = lead; k < lead + used; k++) {
        char c = k < i1 - i0 ? s[i0 + k] : s[f0 + k - (i1 - i0)];
        mantissa = mantissa * 10 + (uint64_t)(c - '0');
    }
    if (e1 > e0) {
        int neg = s[e0] == '-';
        Py_ssize_t p = e0 + (s[e0] == '+' || s[e0] == '-');
        while (p < e1 && s[p] == '0')
            p++;
        int64_t exponent = 0;
        if (e1 - p > 4) {
            exponent = 9999;
        }
        else {
            for (; p < e1; p++)
                exponent = exponent * 10 + (s[p] - '0');
            if (exponent > 1000)
                exponent = 9999;
        }
        point += neg ? -exponent : exponent;
    }
    uint64_t b = clr_to_bits(mantissa, point - (int64_t)used);
    if (b == INF_BITS)
        return -1;
    *bits = b;
    return 0;
}

/* [+-]?[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)? in s[p:n] with at least one mantissa digit, as
 * numbers._XML_DOUBLE; json: the JSON number grammar instead. Returns 1 if it matches. */
static int
scan_number(const char *s, Py_ssize_t p, Py_ssize_t n, int json, int *neg, Py_ssize_t *i0,
            Py_ssize_t *i1, Py_ssize_t *f0, Py_ssize_t *f1, Py_ssize_t *e0, Py_ssize_t *e1)
{
    *neg = 0;
    if (p < n && (s[p] == '-' || (!json && s[p] == '+'))) {
        *neg = s[p] == '-';
        p++;
    }
    *i0 = p;
    while (p < n && IS_DIGIT(s[p]))
        p++;
    *i1 = p;
    if (json && (*i1 == *i0 || (s[*i0] == '0' && *i1 - *i0 > 1)))
        return 0;
    *f0 = *f1 = p;
    if (p < n && s[p] == '.') {
        p++;
        *f0 = p;
        while (p < n && IS_DIGIT(s[p]))
            p++;
        *f1 = p;
        if (json && *f1 == *f0)
            return 0;
    }
    if (*i1 == *i0 && *f1 == *f0)
        return 0;
    *e0 = *e1 = p;
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        *e0 = p;
        if (p < n && (s[p] == '+' || s[p] == '-'))
            p++;
        Py_ssize_t d = p;
        while (p < n && IS_DIGIT(s[p]))
            p++;
        if (p == d)
            return 0;
        *e1 = p;
    }
    return p == n;
}

static int
is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static PyObject *
parse_double_xml(PyObject *self, PyObject *text)
{
    Py_ssize_t n;
    const char *s = ascii_of(text, &n);
    if (s == NULL)
        return call_fallback(FB_PARSE_DOUBLE_XML, text);
    Py_ssize_t p = 0;
    while (p < n && is_xml_space(s[p]))
        p++;
    while (n > p && is_xml_space(s[n - 1]))
        n--;
    int neg;
    Py_ssize_t i0, i1, f0, f1, e0, e1;
    uint64_t bits;
    if (!scan_number(s, p, n, 0, &neg, &i0, &i1, &f0, &f1, &e0, &e1) ||
        clr_parse(s, i0, i1, f0, f1, e0, e1, &bits) < 0)
        return call_fallback(FB_PARSE_DOUBLE_XML, text);
    double v = bits_to_double(bits); /* 0 bits: +0.0, and "-0..." gives -0.0 */
    return PyFloat_FromDouble(neg ? -v : v);
}

static PyObject *
parse_double_json_number(PyObject *self, PyObject *text)
{
    Py_ssize_t n;
    const char *s = ascii_of(text, &n);
    if (s == NULL)
        return call_fallback(FB_PARSE_DOUBLE_JSON_NUMBER, text);
    int neg;
    Py_ssize_t i0, i1, f0, f1, e0, e1;
    if (!scan_number(s, 0, n, 1, &neg, &i0, &i1, &f0, &f1, &e0, &e1))
        return call_fallback(FB_PARSE_DOUBLE_JSON_NUMBER, text);
    double v;
    if (f1 == f0 && e1 == e0) { /* JSON: an empty fraction did not scan */
        /* an integer token: rounded to the nearest double, as float(int(...)) does; 18
         * digits fit an int64, whose conversion to double is correctly rounded */
        if (i1 - i0 > 18)
            return call_fallback(FB_PARSE_DOUBLE_JSON_NUMBER, text);
        int64_t m = 0;
        for (Py_ssize_t k = i0; k < i1; k++)
            m = m * 10 + (s[k] - '0');
        v = (double)m;
    }
    else {
        uint64_t bits;
        if (clr_parse(s, i0, i1, f0, f1, e0, e1, &bits) < 0)
            return call_fallback(FB_PARSE_DOUBLE_JSON_NUMBER, text);
        v = bits_to_double(bits);
    }
    return PyFloat_FromDouble(neg ? -v : v);
}

/* numbers.parse_double_json_plain: a number token with a fraction and no exponent (the bytes
 * of a msgspec.Raw) read as parse_double_json_number reads it; anything else, and a value it
 * would refuse, is returned as it is (the caller reads it the long way, which says why). */
static PyObject *
parse_double_json_plain(PyObject *self, PyObject *raw)
{
    Py_buffer view;
    if (PyObject_GetBuffer(raw, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        return Py_NewRef(raw);
    }
    const char *s = view.buf;
    Py_ssize_t n = view.len;
    int neg;
    Py_ssize_t i0, i1, f0, f1, e0, e1;
    uint64_t bits;
    PyObject *out;
    if (n > 0 && (IS_DIGIT(s[0]) || s[0] == '-') &&
        scan_number(s, 0, n, 1, &neg, &i0, &i1, &f0, &f1, &e0, &e1) && f1 > f0 && e1 == e0 &&
        clr_parse(s, i0, i1, f0, f1, e0, e1, &bits) >= 0) {
        double v = bits_to_double(bits);
        out = PyFloat_FromDouble(neg ? -v : v);
    }
    else {
        out = Py_NewRef(raw);
    }
    PyBuffer_Release(&view);
    return out;
}

/* numbers._layout: .NET's "G" layout of digits[0:len] with the point after `point`. */
static PyObject *
layout(const char *digits, int len, int point, int max_digits, int neg)
{
    char out[64];
    int o = 0;
    while (len > 1 && digits[len - 1] == '0')
        len--;
    if (neg)
        out[o++] = '-';
    if (point > max_digits || point < -3) {
        int exp = point - 1;
        out[o++] = digits[0];
        if (len > 1) {
            out[o++] = '.';
            memcpy(out + o, digits + 1, (size_t)(len - 1));
            o += len - 1;
        }
        o += snprintf(out + o, sizeof out - (size_t)o, exp >= 0 ? "E+%02d" : "E-%02d",
                      exp >= 0 ? exp : -exp);
    }
    else if (point <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int k = 0; k < -point; k++)
            out[o++] = '0';
        memcpy(out + o, digits, (size_t)len);
        o += len;
    }
    else if (len <= point) {
        memcpy(out + o, digits, (size_t)len);
        o += len;
        for (int k = len; k < point; k++)
            out[o++] = '0';
    }
    else {
        memcpy(out + o, digits, (size_t)point);
        o += point;
        out[o++] = '.';
        memcpy(out + o, digits + point, (size_t)(len - point));
        o += len - point;
    }
    return ascii_str(out, o);
}

static PyObject *format_r_full(double a, int neg);
static PyObject *format_r(double v);

#define R_CACHE_BITS 14
static struct r_entry {
    uint64_t bits;
    PyObject *text;
} r_cache[1 << R_CACHE_BITS];

static PyObject *
format_double_r(PyObject *self, PyObject *arg)
{
    if (!PyFloat_CheckExact(arg))
        return call_fallback(FB_FORMAT_DOUBLE_R, arg);
    double v = PyFloat_AS_DOUBLE(arg);
    if (isnan(v))
        return PyUnicode_FromString("NaN");
    if (isinf(v))
        return PyUnicode_FromString(v > 0 ? "Infinity" : "-Infinity");
    if (v == 0.0)
        return PyUnicode_FromString("0");
    if (-1e15 < v && v < 1e15 && v == floor(v)) { /* as str(int(v)) */
        char buf[24];
        int o = sizeof buf;
        long long n = (long long)v;
        unsigned long long m = n < 0 ? (unsigned long long)(-n) : (unsigned long long)n;
        do {
            buf[--o] = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        if (n < 0)
            buf[--o] = '-';
        return ascii_str(buf + o, (Py_ssize_t)sizeof buf - o);
    }
    /* documents repeat values (as numbers._R_CACHE knows): a direct-mapped cache of texts */
    uint64_t vbits;
    memcpy(&vbits, &v, sizeof vbits);
    struct r_entry *entry = &r_cache[(vbits * 0x9E3779B97F4A7C15ULL) >> (64 - R_CACHE_BITS)];
    if (entry->text != NULL && entry->bits == vbits)
        return Py_NewRef(entry->text);
    PyObject *text = format_r(v);
    if (text != NULL) {
        Py_XSETREF(entry->text, Py_NewRef(text));
        entry->bits = vbits;
    }
    return text;
}

/* format_double_r of a finite value that is not an integer below 1e15 */
static PyObject *
format_r(double v)
{
    int neg = v < 0;
    double a = neg ? -v : v;
    uint64_t abits;
    memcpy(&abits, &a, sizeof abits);
    /* Most values have a shortest form (repr) of at most 15 digits. Those digits are then also
     * the 15-digit rounding the runtime makes (15-digit decimals lie further apart than a
     * double's ulp, so no other one is as close, and the value is far from a rounding tie):
     * when the CLR conversion reads them back as the value, they are the answer. Otherwise
     * (or when repr is longer) the full 41-digit route below decides. */
    if (a < 2.2250738585072014e-308) /* subnormal: an ulp is no longer that small */
        return format_r_full(a, neg);
    char *shortest = PyOS_double_to_string(a, 'r', 0, 0, NULL);
    if (shortest == NULL)
        return NULL;
    {
        char sig[24];
        int nsig = 0, before_point = 0, seen_point = 0, lead = 1, point = 0;
        const char *c = shortest;
        for (; *c && *c != 'e'; c++) {
            if (*c == '.') {
                seen_point = 1;
                continue;
            }
            if (!seen_point)
                before_point++;
            if (lead && *c == '0') {
                point--; /* a leading zero after the point moves the first digit right */
                continue;
            }
            lead = 0;
            if (nsig < 20)
                sig[nsig] = *c;
            nsig++;
        }
        /* "0.00123": before_point 1 counts the zero; point = before_point - leading zeros */
        point += before_point;
        if (*c == 'e')
            point += atoi(c + 1);
        PyMem_Free(shortest);
        while (nsig > 1 && nsig <= 20 && sig[nsig - 1] == '0')
            nsig--;
        if (nsig >= 1 && nsig <= 15) {
            /* the runtime reads back its 15-digit buffer, trailing zeros included (the
             * lossy product depends on how the value is split into digits and power) */
            uint64_t d = 0;
            for (int k = 0; k < 15; k++)
                d = d * 10 + (uint64_t)(k < nsig ? sig[k] - '0' : 0);
            if (clr_to_bits(d, (int64_t)point - 15) == abits)
                return layout(sig, nsig, point, 15, neg);
        }
    }
    return format_r_full(a, neg);
}

/* The "R" rounding Double and Single share: the value's 41 correctly rounded significant digits
 * ("d.<40 digits>e+XX", Python's own "%.40e", so the same digits as the pure code), which .NET
 * rounds half up to `few` digits; when the CLR conversion reads those back as the value they
 * are the text, else the `many`-digit rounding is. */
typedef int (*reads_back_fn)(uint64_t digits, int64_t exponent, double a);

/* the first `count` significant digits of the expansion s rounded half up; 10**count carries
 * into the next power (point moves right) */
static uint64_t
round_half_up(const char *s, int count, int *point)
{
    uint64_t d = (uint64_t)(s[0] - '0'), carry = 10;
    for (int k = 1; k < count; k++) {
        d = d * 10 + (uint64_t)(s[k + 1] - '0'); /* s[1] is the point */
        carry *= 10;
    }
    if (s[count + 1] >= '5' && ++d == carry) {
        d /= 10;
        *point += 1;
    }
    return d;
}

static PyObject *
format_r_rounded(double a, int neg, int few, int many, reads_back_fn reads_back)
{
    char s[64], buf[24];
    char *text = PyOS_double_to_string(a, 'e', 40, 0, NULL);
    if (text == NULL)
        return NULL;
    strncpy(s, text, sizeof s - 1);
    s[sizeof s - 1] = '\0';
    PyMem_Free(text);
    int point = atoi(s + 43) + 1;
    int exact = 1;
    for (int k = few + 1; k < 42; k++) {
        if (s[k] != '0') {
            exact = 0;
            break;
        }
    }
    if (exact) {
        buf[0] = s[0];
        memcpy(buf + 1, s + 2, (size_t)(few - 1));
        return layout(buf, few, point, few, neg);
    }
    int p = point;
    uint64_t d = round_half_up(s, few, &p);
    if (reads_back(d, (int64_t)p - few, a)) {
        int len = snprintf(buf, sizeof buf, "%llu", (unsigned long long)d);
        return layout(buf, len, p, few, neg);
    }
    d = round_half_up(s, many, &point);
    int len = snprintf(buf, sizeof buf, "%llu", (unsigned long long)d);
    return layout(buf, len, point, many, neg);
}

static int
double_reads_back(uint64_t digits, int64_t exponent, double a)
{
    uint64_t abits;
    memcpy(&abits, &a, sizeof abits);
    return clr_to_bits(digits, exponent) == abits;
}

/* format_double_r of a finite non-integer magnitude a, by numbers._format_r: 15 digits or 17 */
static PyObject *
format_r_full(double a, int neg)
{
    return format_r_rounded(a, neg, 15, 17, double_reads_back);
}

/* ------------------------------------------------------------------------ Single (single.py) */

/* (float) rounds to nearest, ties to even, and gives infinity past Single.MaxValue: what
 * to_single (struct's "<f") gives, its OverflowError read as infinity by the pure code */
static int
single_reads_back(uint64_t digits, int64_t exponent, double a)
{
    float back = (float)bits_to_double(clr_to_bits(digits, exponent));
    return (double)back == a;
}

/* single.format_single_r: 7 significant digits if the CLR conversion, cast to float32, reads
 * them back as the value; else 9 */
static PyObject *
format_single_r(PyObject *self, PyObject *arg)
{
    if (!PyFloat_CheckExact(arg))
        return call_fallback(FB_FORMAT_SINGLE_R, arg);
    double v = PyFloat_AS_DOUBLE(arg);
    if (isnan(v))
        return PyUnicode_FromString("NaN");
    if (isinf(v))
        return PyUnicode_FromString(v > 0 ? "Infinity" : "-Infinity");
    if (v == 0.0)
        return PyUnicode_FromString("0");
    if (-1e7 < v && v < 1e7 && v == floor(v)) /* as str(int(v)): at most 7 digits, exact */
        return PyUnicode_FromFormat("%ld", (long)v);
    int neg = v < 0;
    return format_r_rounded(neg ? -v : v, neg, 7, 9, single_reads_back);
}

/* single.parse_single_xml: the XML Double grammar and CLR conversion, cast to float32; INF,
 * NaN, anything odd and a value beyond Single.MaxValue go to Python (its error message). */
static PyObject *
parse_single_xml(PyObject *self, PyObject *text)
{
    Py_ssize_t n;
    const char *s = ascii_of(text, &n);
    if (s == NULL)
        return call_fallback(FB_PARSE_SINGLE_XML, text);
    Py_ssize_t p = 0;
    while (p < n && is_xml_space(s[p]))
        p++;
    while (n > p && is_xml_space(s[n - 1]))
        n--;
    int neg;
    Py_ssize_t i0, i1, f0, f1, e0, e1;
    uint64_t bits;
    if (!scan_number(s, p, n, 0, &neg, &i0, &i1, &f0, &f1, &e0, &e1) ||
        clr_parse(s, i0, i1, f0, f1, e0, e1, &bits) < 0)
        return call_fallback(FB_PARSE_SINGLE_XML, text);
    double v = bits_to_double(bits);
    float f = (float)(neg ? -v : v); /* .NET rounds twice: to double, then to float32 */
    if (isinf(f))
        return call_fallback(FB_PARSE_SINGLE_XML, text);
    return PyFloat_FromDouble((double)f);
}

/* ----------------------------------------------------------------- integers (numbers.py) */

/* numbers.parse_int_xml(text, lo, hi, clr_name): XML white space around, a sign, ASCII digits,
 * a value in [lo, hi] (lo <= 0). Up to 19 significant digits; anything else goes to Python. */
static PyObject *
parse_int_xml(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyLong_CheckExact(args[1]) || !PyLong_CheckExact(args[2]))
        return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
    Py_ssize_t n;
    const char *s = ascii_of(args[0], &n);
    if (s == NULL)
        return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
    Py_ssize_t p = 0;
    while (p < n && is_xml_space(s[p]))
        p++;
    while (n > p && is_xml_space(s[n - 1]))
        n--;
    int neg = 0;
    if (p < n && (s[p] == '+' || s[p] == '-'))
        neg = s[p++] == '-';
    if (p == n)
        return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
    while (p < n - 1 && s[p] == '0')
        p++;
    if (n - p > 19) /* 10^19 - 1 < 2^64: no overflow below */
        return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
    uint64_t mag = 0;
    for (; p < n; p++) {
        if (!IS_DIGIT(s[p]))
            return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
        mag = mag * 10 + (uint64_t)(s[p] - '0');
    }
    int overflow;
    long long lo = PyLong_AsLongLongAndOverflow(args[1], &overflow);
    if (overflow || lo > 0 || (lo == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
    }
    if (neg && mag != 0) {
        /* -mag >= lo, i.e. mag <= -lo (as unsigned: -LLONG_MIN is 2^63) */
        if (mag > (uint64_t)0 - (uint64_t)lo)
            return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
        if (mag == ((uint64_t)1 << 63))
            return PyLong_FromLongLong(LLONG_MIN);
        return PyLong_FromLongLong(-(long long)mag);
    }
    unsigned long long hi;
    long long hi_signed = PyLong_AsLongLongAndOverflow(args[2], &overflow);
    if (overflow > 0) { /* beyond 2^63 - 1: UInt64's bound, or larger */
        hi = PyLong_AsUnsignedLongLong(args[2]);
        if (hi == ULLONG_MAX && PyErr_Occurred()) {
            PyErr_Clear(); /* beyond 2^64 - 1: above every 19-digit magnitude */
            hi = ULLONG_MAX;
        }
    }
    else if (overflow < 0 || hi_signed < 0 || (hi_signed == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
    }
    else
        hi = (unsigned long long)hi_signed;
    if (mag > hi)
        return call_fallback_args(FB_PARSE_INT_XML, args, nargs);
    return PyLong_FromUnsignedLongLong(mag);
}

/* ------------------------------------------------------ XML text escaping (xml/write.py) */

/* xml.write.escape_text: element text as XmlWriter writes it, & < > and CR escaped
 * (&amp; &lt; &gt; &#xD;). A character XML 1.0 cannot carry (controls but tab, LF and CR;
 * surrogates; U+FFFE, U+FFFF) goes to Python, which raises with its index. One pass to check
 * and count, one to copy; text needing nothing is returned as it is, as the pure code does. */
static PyObject *
escape_text(PyObject *self, PyObject *text)
{
    if (!PyUnicode_CheckExact(text))
        return call_fallback(FB_ESCAPE_TEXT, text);
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0) {
        PyErr_Clear();
        return call_fallback(FB_ESCAPE_TEXT, text);
    }
#endif
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), extra = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x20) {
            if (c == '\r')
                extra += 4;
            else if (c != '\t' && c != '\n')
                return call_fallback(FB_ESCAPE_TEXT, text);
        }
        else if (c == '&')
            extra += 4;
        else if (c == '<' || c == '>')
            extra += 3;
        else if (c >= 0xD800 && (c <= 0xDFFF || c == 0xFFFE || c == 0xFFFF))
            return call_fallback(FB_ESCAPE_TEXT, text);
    }
    if (extra == 0)
        return Py_NewRef(text);
    PyObject *out = PyUnicode_New(n + extra, PyUnicode_MAX_CHAR_VALUE(text));
    if (out == NULL)
        return NULL;
    int okind = PyUnicode_KIND(out);
    void *odata = PyUnicode_DATA(out);
    Py_ssize_t o = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        const char *rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                        : c == '\r' ? "&#xD;" : NULL;
        if (rep == NULL)
            PyUnicode_WRITE(okind, odata, o++, c);
        else
            for (; *rep; rep++)
                PyUnicode_WRITE(okind, odata, o++, (Py_UCS4)*rep);
    }
    return out;
}

/* ---------------------------------------------------------------------- DateTime (datetime.py) */

#define TICKS_PER_SECOND 10000000LL
#define TICKS_PER_DAY (86400LL * TICKS_PER_SECOND)

static const int days_in_month[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int days_before_month[13] = {0,   0,   31,  59,  90,  120, 151,
                                          181, 212, 243, 273, 304, 334};

static int
is_leap(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int
two_digits(const char *s, int *out)
{
    if (!IS_DIGIT(s[0]) || !IS_DIGIT(s[1]))
        return 0;
    *out = (s[0] - '0') * 10 + (s[1] - '0');
    return 1;
}

static PyObject *
new_datetime(int64_t ticks, PyObject *kind, PyObject *offset)
{
    PyObject *obj = datetime_type->tp_alloc(datetime_type, 0);
    if (obj == NULL)
        return NULL;
    PyObject *t = PyLong_FromLongLong(ticks);
    if (t == NULL || Py_TYPE(slot_ticks)->tp_descr_set(slot_ticks, obj, t) < 0 ||
        Py_TYPE(slot_kind)->tp_descr_set(slot_kind, obj, kind) < 0 ||
        Py_TYPE(slot_offset)->tp_descr_set(slot_offset, obj, offset) < 0) {
        Py_XDECREF(t);
        Py_DECREF(obj);
        return NULL;
    }
    Py_DECREF(t);
    return obj;
}

static PyObject *
parse_datetime(PyObject *self, PyObject *text)
{
    Py_ssize_t n;
    const char *s = ascii_of(text, &n);
    if (s == NULL || datetime_type == NULL || n < 19)
        return call_fallback(FB_PARSE_DATETIME, text);
    int yh, yl, month, day, hour, minute, second;
    if (!two_digits(s, &yh) || !two_digits(s + 2, &yl) || s[4] != '-' ||
        !two_digits(s + 5, &month) || s[7] != '-' || !two_digits(s + 8, &day) || s[10] != 'T' ||
        !two_digits(s + 11, &hour) || s[13] != ':' || !two_digits(s + 14, &minute) ||
        s[16] != ':' || !two_digits(s + 17, &second))
        return call_fallback(FB_PARSE_DATETIME, text);
    int year = yh * 100 + yl;
    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        day > (month == 2 && is_leap(year) ? 29 : days_in_month[month]) || hour > 23 ||
        minute > 59 || second > 59)
        return call_fallback(FB_PARSE_DATETIME, text);
    Py_ssize_t pos = 19;
    int64_t fraction = 0;
    if (pos < n && s[pos] == '.') {
        Py_ssize_t start = ++pos;
        while (pos < n && IS_DIGIT(s[pos]) && pos - start < 8)
            fraction = fraction * 10 + (s[pos++] - '0');
        Py_ssize_t count = pos - start;
        if (count == 0 || count > 7)
            return call_fallback(FB_PARSE_DATETIME, text);
        for (Py_ssize_t k = count; k < 7; k++)
            fraction *= 10;
    }
    Py_ssize_t rest = n - pos;
    PyObject *kind, *offset = Py_None;
    int offset_minutes = 0;
    if (rest == 0) {
        kind = kind_unspecified;
    }
    else if (rest == 1 && (s[pos] == 'Z' || s[pos] == 'z')) {
        kind = kind_utc;
    }
    else if (rest == 6 && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
        int oh, om;
        if (!two_digits(s + pos + 1, &oh) || !two_digits(s + pos + 4, &om) || om > 59 ||
            oh * 60 + om > 14 * 60)
            return call_fallback(FB_PARSE_DATETIME, text);
        offset_minutes = s[pos] == '-' ? -(oh * 60 + om) : oh * 60 + om;
        kind = kind_local;
    }
    else {
        return call_fallback(FB_PARSE_DATETIME, text);
    }
    int y = year - 1;
    int64_t days = (int64_t)y * 365 + y / 4 - y / 100 + y / 400 + days_before_month[month] +
                   day - 1 + (month > 2 && is_leap(year));
    int64_t ticks =
        (days * 86400 + hour * 3600 + minute * 60 + second) * TICKS_PER_SECOND + fraction;
    if (kind != kind_local)
        return new_datetime(ticks, kind, Py_None);
    offset = PyLong_FromLong(offset_minutes);
    if (offset == NULL)
        return NULL;
    PyObject *out = new_datetime(ticks, kind, offset);
    Py_DECREF(offset);
    return out;
}

/* `value` as `width` decimal digits (zero-padded) at out[*o] */
static void
put_digits(char *out, int *o, int value, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        out[*o + k] = (char)('0' + value % 10);
        value /= 10;
    }
    *o += width;
}

/* days since 0001-01-01 -> (year, month, day): the algorithm of CPython's datetime module */
static void
civil_from_days(int64_t n, int *year, int *month, int *day)
{
    int64_t n400 = n / 146097;
    n %= 146097;
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    *year = (int)(n400 * 400 + 1 + n100 * 100 + n4 * 4 + n1);
    if (n1 == 4 || n100 == 4) {
        *year -= 1;
        *month = 12;
        *day = 31;
        return;
    }
    int leap = n1 == 3 && (n4 != 24 || n100 == 3);
    int m = (int)((n + 50) >> 5);
    int preceding = days_before_month[m] + (m > 2 && leap);
    if (preceding > n) {
        m -= 1;
        preceding -= days_in_month[m] + (m == 2 && leap);
    }
    *month = m;
    *day = (int)(n - preceding) + 1;
}

/* datetime.parse_datetime_json: a Microsoft date ("/Date(...)") and anything but a str go to
 * the pure function whole; other text is parse_datetime's (which falls back for odd text). */
static PyObject *
parse_datetime_json(PyObject *self, PyObject *text)
{
    if (!PyUnicode_CheckExact(text) ||
        PyUnicode_Tailmatch(text, slash_date, 0, PY_SSIZE_T_MAX, -1) != 0)
        return call_fallback(FB_PARSE_DATETIME_JSON, text);
    return parse_datetime(self, text);
}

static PyObject *
format_datetime(PyObject *self, PyObject *value)
{
    if (datetime_type == NULL || Py_TYPE(value) != datetime_type)
        return call_fallback(FB_FORMAT_DATETIME, value);
    PyObject *t = Py_TYPE(slot_ticks)->tp_descr_get(slot_ticks, value, NULL);
    if (t == NULL)
        return NULL;
    long long ticks = PyLong_AsLongLong(t);
    Py_DECREF(t);
    if (ticks == -1 && PyErr_Occurred())
        return NULL;
    PyObject *kind = Py_TYPE(slot_kind)->tp_descr_get(slot_kind, value, NULL);
    if (kind == NULL)
        return NULL;
    Py_DECREF(kind); /* kept alive by value; only its identity is used */
    char out[40];
    int year, month, day;
    int64_t days = ticks / TICKS_PER_DAY, rem = ticks % TICKS_PER_DAY;
    civil_from_days(days, &year, &month, &day);
    int64_t seconds = rem / TICKS_PER_SECOND, fraction = rem % TICKS_PER_SECOND;
    int hms = (int)seconds;
    int o = 0;
    put_digits(out, &o, year, 4);
    out[o++] = '-';
    put_digits(out, &o, month, 2);
    out[o++] = '-';
    put_digits(out, &o, day, 2);
    out[o++] = 'T';
    put_digits(out, &o, hms / 3600, 2);
    out[o++] = ':';
    put_digits(out, &o, hms / 60 % 60, 2);
    out[o++] = ':';
    put_digits(out, &o, hms % 60, 2);
    if (fraction) { /* the 7 tick digits without their trailing zeros */
        int f = (int)fraction, len = 7;
        while (f % 10 == 0) {
            f /= 10;
            len--;
        }
        out[o++] = '.';
        put_digits(out, &o, f, len);
    }
    if (kind == kind_utc) {
        out[o++] = 'Z';
    }
    else if (kind == kind_local) {
        PyObject *off = Py_TYPE(slot_offset)->tp_descr_get(slot_offset, value, NULL);
        if (off == NULL)
            return NULL;
        long minutes = PyLong_AsLong(off);
        Py_DECREF(off);
        if (minutes == -1 && PyErr_Occurred())
            return NULL;
        int m = (int)(minutes < 0 ? -minutes : minutes);
        out[o++] = minutes < 0 ? '-' : '+';
        put_digits(out, &o, m / 60, 2);
        out[o++] = ':';
        put_digits(out, &o, m % 60, 2);
    }
    else if (kind != kind_unspecified) {
        return call_fallback(FB_FORMAT_DATETIME, value);
    }
    return ascii_str(out, o);
}

/* -------------------------------------------------------------------------- Guid (guid.py) */

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static PyObject *
parse_guid(PyObject *self, PyObject *text)
{
    Py_ssize_t n;
    const char *s = ascii_of(text, &n);
    if (s == NULL || uuid_type == NULL)
        return call_fallback(FB_PARSE_GUID, text);
    const char *h = s;
    int hyphens = 1;
    if (n == 38) {
        if (!((s[0] == '{' && s[37] == '}') || (s[0] == '(' && s[37] == ')')))
            return call_fallback(FB_PARSE_GUID, text);
        h = s + 1;
    }
    else if (n == 32) {
        hyphens = 0;
    }
    else if (n != 36) {
        return call_fallback(FB_PARSE_GUID, text);
    }
    uint64_t hi = 0, lo = 0;
    int count = 0;
    for (int k = 0; k < (hyphens ? 36 : 32); k++) {
        if (hyphens && (k == 8 || k == 13 || k == 18 || k == 23)) {
            if (h[k] != '-')
                return call_fallback(FB_PARSE_GUID, text);
            continue;
        }
        int d = hex_value(h[k]);
        if (d < 0)
            return call_fallback(FB_PARSE_GUID, text);
        if (count < 16)
            hi = (hi << 4) | (uint64_t)d;
        else
            lo = (lo << 4) | (uint64_t)d;
        count++;
    }
    unsigned char raw[16];
    for (int k = 0; k < 8; k++) {
        raw[k] = (unsigned char)(hi >> (56 - 8 * k));
        raw[8 + k] = (unsigned char)(lo >> (56 - 8 * k));
    }
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *number = PyLong_FromUnsignedNativeBytes(raw, 16, Py_ASNATIVEBYTES_BIG_ENDIAN);
#else
    PyObject *number = _PyLong_FromByteArray(raw, 16, 0, 0); /* big-endian, unsigned */
#endif
    if (number == NULL)
        return NULL;
    PyObject *obj = uuid_type->tp_alloc(uuid_type, 0);
    if (obj != NULL &&
        (Py_TYPE(slot_uuid_int)->tp_descr_set(slot_uuid_int, obj, number) < 0 ||
         Py_TYPE(slot_uuid_safe)->tp_descr_set(slot_uuid_safe, obj, safe_unknown) < 0))
        Py_CLEAR(obj);
    Py_DECREF(number);
    return obj;
}

/* ------------------------------------------------------------------------------- module */


/* ------------------------------------------------------------------ the XML tree walk */
/* walk_tree(root, max_depth): lxml's parsed tree read without a proxy object per element,
 * for the generated XML readers (xml/walk.py; README, "Speed"). It reads libxml2's node
 * structs straight from the root _Element, and returns one tuple per element:
 *     (tag, text, nil, children, serial, other, shape, plain)
 * tag: lxml's "{ns}local" (or "local"); text: lxml's .text for an element without element
 * children; for one with children, None when its text nodes are all XML white space, else
 * the str registered by setup_walk (xml/walk.py's MIXED);
 * nil: the i:nil attribute's value or None; children: a tuple of child tuples, () for none;
 * serial: the element's index in root.iter(); other: 0 no attribute but i:nil, 1 others,
 * 2 an i:type among them; shape: the tuple of the children's tags, the one kept in the dict
 * registered by setup_walk (so a reader compares it with `is`); plain: per child, its text
 * ("" for none) when it has no attribute, no child element and at most max_length
 * characters, else None. Anything else (a comment, processing instruction, entity
 * reference, XInclude node, a deeper tree than max_depth, an element with more than
 * max_items child elements) declines: the answer is then a str saying why, and the Python
 * readers walk lxml's proxies.
 *
 * An element with more than `defer` child elements that all have the same name (a list's
 * items), and not within another such element, is given with its children deferred: `children` is then a sequence (its type below,
 * nc_kids) whose iterator walks each child when it is asked for it, so the tuples of one item
 * at a time exist while a reader builds objects (the whole document's would otherwise be held
 * until the last object is made); its shape is None and its plain (). The subtree is checked
 * first (what would decline the walk declines it the same) and its serials skipped, so the
 * children it gives are the tuples walk_node makes, with root.iter()'s serials. It reads the
 * tree when iterated: valid while the tree is unchanged (the readers do not change it).
 *
 * The structs below mirror the leading fields of libxml2's xmlNode, xmlAttr and xmlNs (tree.h;
 * the same since libxml2 2.0) and of lxml's _Element (etree.h: PyObject_HEAD, _doc, _c_node),
 * so the build needs no lxml headers; xml/walk.py checks lxml's and libxml2's versions and
 * compares walk_tree with a walk over lxml's proxies on a sample before it uses it. */

typedef struct nc_ns {
    struct nc_ns *next;
    int type;
    const unsigned char *href;
    const unsigned char *prefix;
} nc_ns;

struct nc_attr;

typedef struct nc_node {
    void *private_;
    int type;
    const unsigned char *name;
    struct nc_node *children, *last, *parent, *next, *prev;
    void *doc;
    nc_ns *ns;
    unsigned char *content;
    struct nc_attr *properties;
} nc_node;

typedef struct nc_attr {
    void *private_;
    int type;
    const unsigned char *name;
    nc_node *children, *last, *parent;
    struct nc_attr *next, *prev;
    void *doc;
    nc_ns *ns;
} nc_attr;

typedef struct {
    PyObject_HEAD
    void *doc;
    nc_node *c_node;
} nc_element;

enum { NC_ELEMENT = 1, NC_ATTRIBUTE = 2, NC_TEXT = 3, NC_CDATA = 4 };
#define NC_TAGS 256 /* a power of two: the per-walk cache of tag strings */

static PyTypeObject *element_type;
static PyObject *mixed_text;
static PyObject *zero, *empty; /* 0 and "" (made by setup_walk) */
static PyObject *shapes; /* dict: each shape tuple to itself (xml/walk.py SHAPES) */
#define NC_SHAPES_MAX 4096 /* past that many shapes, new ones are not kept (only slower) */
static const char XSI_HREF[] = "http://www.w3.org/2001/XMLSchema-instance";

typedef struct {
    const void *ns, *name;
    PyObject *tag;
} nc_tag;

typedef struct {
    nc_tag tags[NC_TAGS];
    long serial;
    int max_depth;
    Py_ssize_t max_length, max_items, defer;
    int deferred; /* set while a deferred child is walked: its lists are not deferred again */
    const char *reason; /* set when the walk declines (no Python exception then) */
} nc_walk;

/* one walk's state as an object: the deferred children of its elements share it (and so its
 * tag cache) and keep the root element, and so lxml's document, alive */
typedef struct {
    PyObject_HEAD
    PyObject *root;
    nc_walk w;
} nc_walker;

/* the deferred children of an element, and an iterator over them */
typedef struct {
    PyObject_HEAD
    nc_walker *walker;
    nc_node *parent;
    long serial; /* the first child's */
    int depth;   /* the children's */
    Py_ssize_t count;
} nc_kids;

typedef struct {
    PyObject_HEAD
    nc_walker *walker;
    nc_node *next; /* the next child node (of any type) to look at */
    long serial;
    int depth;
} nc_kids_iter;

static PyTypeObject nc_walker_type, nc_kids_type, nc_kids_iter_type;
static PyObject *walk_node(nc_walk *w, nc_walker *owner, nc_node *node, int depth);

static PyObject *
setup_walk(PyObject *self, PyObject *args)
{
    PyObject *tp, *mixed, *shape_dict;
    if (!PyArg_ParseTuple(args, "O!UO!", &PyType_Type, &tp, &mixed, &PyDict_Type, &shape_dict))
        return NULL;
    Py_XDECREF(shapes);
    Py_INCREF(shape_dict);
    shapes = shape_dict;
    Py_XDECREF(mixed_text);
    Py_INCREF(mixed);
    mixed_text = mixed;
    if (zero == NULL && ((zero = PyLong_FromLong(0)) == NULL ||
                         (empty = PyUnicode_FromStringAndSize("", 0)) == NULL))
        return NULL;
    Py_XDECREF(element_type);
    Py_INCREF(tp);
    element_type = (PyTypeObject *)tp;
    Py_RETURN_NONE;
}

/* lxml's tag text: "{href}name", or the name when the element has no namespace */
static PyObject *
walk_tag(nc_walk *w, nc_node *node)
{
    const unsigned char *href = node->ns ? node->ns->href : NULL;
    size_t h = (((size_t)node->name >> 4) ^ ((size_t)node->ns >> 3) * 31u) & (NC_TAGS - 1);
    nc_tag *slot = &w->tags[h];
    PyObject *tag;
    if (slot->tag && slot->name == node->name && slot->ns == node->ns) {
        Py_INCREF(slot->tag);
        return slot->tag;
    }
    if (href == NULL) {
        tag = PyUnicode_DecodeUTF8((const char *)node->name, strlen((const char *)node->name),
                                   "strict");
    } else {
        size_t hl = strlen((const char *)href), nl = strlen((const char *)node->name);
        char *buf = PyMem_Malloc(hl + nl + 3);
        if (buf == NULL)
            return PyErr_NoMemory();
        buf[0] = '{';
        memcpy(buf + 1, href, hl);
        buf[hl + 1] = '}';
        memcpy(buf + hl + 2, node->name, nl);
        tag = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)(hl + nl + 2), "strict");
        PyMem_Free(buf);
    }
    if (tag == NULL)
        return NULL;
    Py_XDECREF(slot->tag);
    slot->ns = node->ns;
    slot->name = node->name;
    Py_INCREF(tag);
    slot->tag = tag;
    return tag;
}

/* the text of consecutive text nodes from node on, as lxml's .text: None when there are
 * none; the caller has checked that they are all text or CDATA nodes */
static PyObject *
walk_text(nc_node *node)
{
    if (node == NULL)
        Py_RETURN_NONE;
    if (node->next == NULL) {
        const char *c = node->content ? (const char *)node->content : "";
        return PyUnicode_DecodeUTF8(c, (Py_ssize_t)strlen(c), "strict");
    }
    size_t total = 0;
    for (nc_node *t = node; t; t = t->next)
        total += t->content ? strlen((const char *)t->content) : 0;
    char *buf = PyMem_Malloc(total + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    size_t at = 0;
    for (nc_node *t = node; t; t = t->next) {
        if (t->content) {
            size_t n = strlen((const char *)t->content);
            memcpy(buf + at, t->content, n);
            at += n;
        }
    }
    PyObject *text = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)total, "strict");
    PyMem_Free(buf);
    return text;
}

static int
xml_space_only(const unsigned char *c)
{
    if (c == NULL)
        return 1;
    for (; *c; c++)
        if (*c != ' ' && *c != '\t' && *c != '\r' && *c != '\n')
            return 0;
    return 1;
}

/* the tuple of the children's tags (a new one, taken over), or the one in `shapes` */
static PyObject *
walk_shape(PyObject *shape)
{
    PyObject *kept = PyDict_GetItemWithError(shapes, shape);
    if (kept != NULL) {
        Py_INCREF(kept);
        Py_DECREF(shape);
        return kept;
    }
    if (PyErr_Occurred() ||
        (PyDict_GET_SIZE(shapes) < NC_SHAPES_MAX && PyDict_SetItem(shapes, shape, shape) < 0)) {
        Py_DECREF(shape);
        return NULL;
    }
    return shape;
}

/* whether an element's children are all text (or CDATA), or it has none */
static int
text_only(nc_node *node)
{
    for (nc_node *c = node->children; c; c = c->next)
        if (c->type != NC_TEXT && c->type != NC_CDATA)
            return 0;
    return 1;
}

/* the checks walk_node makes on an element before it makes anything (a str reason in
 * w->reason when it declines); its count of child elements in *count */
static int
check_node(nc_walk *w, nc_node *node, int depth, Py_ssize_t *count)
{
    Py_ssize_t n = 0;
    if (depth > w->max_depth) {
        w->reason = "a tree deeper than max_depth";
        return -1;
    }
    for (nc_attr *a = node->properties; a; a = a->next) {
        if (a->type != NC_ATTRIBUTE) {
            w->reason = "an unusual attribute node";
            return -1;
        }
        if (a->ns && a->ns->href && strcmp((const char *)a->ns->href, XSI_HREF) == 0 &&
            strcmp((const char *)a->name, "nil") == 0) {
            for (nc_node *t = a->children; t; t = t->next)
                if (t->type != NC_TEXT) {
                    w->reason = "an entity reference in i:nil";
                    return -1;
                }
        }
    }
    for (nc_node *c = node->children; c; c = c->next) {
        if (c->type == NC_ELEMENT)
            n++;
        else if (c->type != NC_TEXT && c->type != NC_CDATA) {
            w->reason = "a comment, processing instruction or entity reference";
            return -1;
        }
    }
    if (n > w->max_items) {
        /* a list of more items than max_collection_items: the reader of lxml's elements
         * meets the quota before it reads an item, and says so */
        w->reason = "more child elements than max_collection_items";
        return -1;
    }
    *count = n;
    return 0;
}

/* the elements of a subtree (the element included) after the checks of check_node on each,
 * in document order, as walk_node would meet them; -1 when one declines */
static long
check_tree(nc_walk *w, nc_node *node, int depth)
{
    Py_ssize_t count;
    long total = 1;
    if (check_node(w, node, depth, &count) < 0)
        return -1;
    for (nc_node *c = node->children; c; c = c->next) {
        if (c->type != NC_ELEMENT)
            continue;
        long sub = check_tree(w, c, depth + 1);
        if (sub < 0)
            return -1;
        total += sub;
    }
    return total;
}

/* whether the `count` (> defer) child elements of an element all have one name: a list's */
static int
same_names(nc_node *node)
{
    nc_node *first = NULL;
    for (nc_node *c = node->children; c; c = c->next) {
        if (c->type != NC_ELEMENT)
            continue;
        if (first == NULL) {
            first = c;
            continue;
        }
        if (c->name != first->name && strcmp((const char *)c->name, (const char *)first->name))
            return 0;
        if (c->ns != first->ns &&
            (c->ns == NULL || first->ns == NULL || c->ns->href == NULL ||
             first->ns->href == NULL ||
             strcmp((const char *)c->ns->href, (const char *)first->ns->href)))
            return 0;
    }
    return 1;
}

static PyObject *
walk_node(nc_walk *w, nc_walker *owner, nc_node *node, int depth)
{
    PyObject *nil = NULL, *text = NULL, *kids = NULL, *tag = NULL, *serial = NULL, *result;
    PyObject *shape = NULL, *plain = NULL;
    long other = 0;
    Py_ssize_t count = 0;
    if (depth > w->max_depth) {
        w->reason = "a tree deeper than max_depth";
        return NULL;
    }
    for (nc_attr *a = node->properties; a; a = a->next) {
        if (a->type != NC_ATTRIBUTE) {
            w->reason = "an unusual attribute node";
            goto decline;
        }
        if (a->ns && a->ns->href && strcmp((const char *)a->ns->href, XSI_HREF) == 0) {
            if (strcmp((const char *)a->name, "nil") == 0) {
                for (nc_node *t = a->children; t; t = t->next)
                    if (t->type != NC_TEXT) {
                        w->reason = "an entity reference in i:nil";
                        goto decline;
                    }
                if (a->children == NULL)
                    nil = PyUnicode_FromStringAndSize("", 0);
                else
                    nil = walk_text(a->children);
                if (nil == NULL)
                    goto error;
                continue;
            }
            if (strcmp((const char *)a->name, "type") == 0) {
                other = 2;
                continue;
            }
        }
        if (other == 0)
            other = 1;
    }
    for (nc_node *c = node->children; c; c = c->next) {
        if (c->type == NC_ELEMENT)
            count++;
        else if (c->type != NC_TEXT && c->type != NC_CDATA) {
            w->reason = "a comment, processing instruction or entity reference";
            goto decline;
        }
    }
    if (count > w->max_items) {
        w->reason = "more child elements than max_collection_items";
        goto decline;
    }
    serial = PyLong_FromLong(w->serial++);
    if (serial == NULL)
        goto error;
    if (count > w->defer && !w->deferred && same_names(node)) {
        /* a list's items: checked now, walked when a reader iterates them */
        long first = w->serial, total = 0;
        for (nc_node *c = node->children; c; c = c->next) {
            if (c->type != NC_ELEMENT)
                continue;
            long sub = check_tree(w, c, depth + 1);
            if (sub < 0)
                goto decline;
            total += sub;
        }
        w->serial += total;
        text = Py_None;
        for (nc_node *c = node->children; c; c = c->next)
            if (c->type != NC_ELEMENT && !xml_space_only(c->content)) {
                text = mixed_text;
                break;
            }
        Py_INCREF(text);
        nc_kids *lazy = PyObject_New(nc_kids, &nc_kids_type);
        if (lazy == NULL)
            goto error;
        Py_INCREF(owner);
        lazy->walker = owner;
        lazy->parent = node;
        lazy->serial = first;
        lazy->depth = depth + 1;
        lazy->count = count;
        kids = (PyObject *)lazy;
        Py_INCREF(Py_None);
        shape = Py_None;
        plain = PyTuple_New(0);
    } else if (count == 0) {
        text = walk_text(node->children);
        kids = PyTuple_New(0);
    } else {
        text = Py_None;
        for (nc_node *c = node->children; c; c = c->next)
            if (c->type != NC_ELEMENT && !xml_space_only(c->content)) {
                text = mixed_text;
                break;
            }
        Py_INCREF(text);
        kids = PyTuple_New(count);
        plain = PyTuple_New(count);
        shape = PyTuple_New(count);
        if (kids == NULL || plain == NULL || shape == NULL)
            goto error;
        Py_ssize_t i = 0;
        for (nc_node *c = node->children; c; c = c->next, i++) {
            PyObject *kid, *t, *ktag;
            if (c->type != NC_ELEMENT) {
                i--;
                continue;
            }
            if (c->properties == NULL && depth + 1 <= w->max_depth && text_only(c)) {
                /* a plain leaf: its text in `plain`, None in `children` (no tuple made) */
                t = walk_text(c->children);
                if (t == NULL)
                    goto error;
                if (t == Py_None) {
                    Py_DECREF(t);
                    Py_INCREF(empty);
                    t = empty;
                }
                if (PyUnicode_GET_LENGTH(t) <= w->max_length) {
                    ktag = walk_tag(w, c);
                    if (ktag == NULL) {
                        Py_DECREF(t);
                        goto error;
                    }
                    w->serial++;
                    Py_INCREF(Py_None);
                    PyTuple_SET_ITEM(kids, i, Py_None);
                    PyTuple_SET_ITEM(plain, i, t);
                    PyTuple_SET_ITEM(shape, i, ktag);
                    continue;
                }
                Py_DECREF(t);
            }
            kid = walk_node(w, owner, c, depth + 1);
            if (kid == NULL)
                goto error;
            ktag = PyTuple_GET_ITEM(kid, 0);
            Py_INCREF(ktag);
            Py_INCREF(Py_None);
            PyTuple_SET_ITEM(kids, i, kid);
            PyTuple_SET_ITEM(plain, i, Py_None);
            PyTuple_SET_ITEM(shape, i, ktag);
        }
        shape = walk_shape(shape);
    }
    if (text == NULL || kids == NULL)
        goto error;
    if (count == 0) {
        shape = PyTuple_New(0);
        plain = PyTuple_New(0);
    }
    if (shape == NULL || plain == NULL)
        goto error;
    tag = walk_tag(w, node);
    if (tag == NULL)
        goto error;
    if (nil == NULL) {
        Py_INCREF(Py_None);
        nil = Py_None;
    }
    result = PyTuple_New(8);
    if (result == NULL)
        goto error;
    PyTuple_SET_ITEM(result, 0, tag);
    PyTuple_SET_ITEM(result, 1, text);
    PyTuple_SET_ITEM(result, 2, nil);
    PyTuple_SET_ITEM(result, 3, kids);
    PyTuple_SET_ITEM(result, 4, serial);
    PyTuple_SET_ITEM(result, 5, PyLong_FromLong(other)); /* a cached small int */
    PyTuple_SET_ITEM(result, 6, shape);
    PyTuple_SET_ITEM(result, 7, plain);
    /* they hold only str, int, None and such tuples: no cycle, nothing for the collector
     * (CPython untracks such tuples itself, but only once a collection has scanned them) */
    if (PyTuple_CheckExact(kids))
        PyObject_GC_UnTrack(kids);
    PyObject_GC_UnTrack(plain);
    PyObject_GC_UnTrack(result);
    return result;
decline:
error:
    Py_XDECREF(nil);
    Py_XDECREF(text);
    Py_XDECREF(kids);
    Py_XDECREF(tag);
    Py_XDECREF(serial);
    Py_XDECREF(shape);
    Py_XDECREF(plain);
    return NULL;
}

/* ---- the walker, the deferred children and their iterator */

static void
walker_dealloc(nc_walker *self)
{
    for (int i = 0; i < NC_TAGS; i++)
        Py_XDECREF(self->w.tags[i].tag);
    Py_XDECREF(self->root);
    PyObject_Free(self);
}

static void
kids_dealloc(nc_kids *self)
{
    Py_XDECREF(self->walker);
    PyObject_Free(self);
}

static Py_ssize_t
kids_len(nc_kids *self)
{
    return self->count;
}

static PyObject *
kids_iter(nc_kids *self)
{
    nc_kids_iter *it = PyObject_New(nc_kids_iter, &nc_kids_iter_type);
    if (it == NULL)
        return NULL;
    Py_INCREF(self->walker);
    it->walker = self->walker;
    it->next = self->parent->children;
    it->serial = self->serial;
    it->depth = self->depth;
    return (PyObject *)it;
}

/* `None in kids` (the readers' test for plain leaves) is False: every child is a tuple */
static int
kids_contains(nc_kids *self, PyObject *value)
{
    if (value == Py_None)
        return 0;
    PyObject *it = kids_iter(self), *item;
    if (it == NULL)
        return -1;
    int found = 0;
    while (!found && (item = PyIter_Next(it)) != NULL) {
        found = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
    }
    Py_DECREF(it);
    return found < 0 || PyErr_Occurred() ? -1 : found;
}

static void
kids_iter_dealloc(nc_kids_iter *self)
{
    Py_XDECREF(self->walker);
    PyObject_Free(self);
}

static PyObject *
kids_iter_next(nc_kids_iter *self)
{
    nc_node *c = self->next;
    while (c != NULL && c->type != NC_ELEMENT)
        c = c->next;
    if (c == NULL) {
        self->next = NULL;
        return NULL;
    }
    self->next = c->next;
    nc_walk *w = &self->walker->w;
    long saved = w->serial;
    w->serial = self->serial;
    /* a list inside an item is walked with the item: its subtree was checked with the
     * item's list, and checking it again for each level of lists would visit an element
     * once per level */
    w->deferred = 1;
    int gc_was_enabled = PyGC_Disable();
    PyObject *kid = walk_node(w, self->walker, c, self->depth);
    if (gc_was_enabled)
        PyGC_Enable();
    w->deferred = 0;
    self->serial = w->serial;
    w->serial = saved;
    if (kid == NULL && !PyErr_Occurred()) /* checked when deferred: not expected */
        PyErr_Format(PyExc_RuntimeError, "the compiled walk declined a deferred child: %s",
                     w->reason ? w->reason : "?");
    return kid;
}

static PySequenceMethods kids_as_sequence = {
    .sq_length = (lenfunc)kids_len,
    .sq_contains = (objobjproc)kids_contains,
};

static PyTypeObject nc_walker_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "netcontract.clr._speedups.Walker",
    .tp_basicsize = sizeof(nc_walker),
    .tp_dealloc = (destructor)walker_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One compiled walk's state, shared by its deferred children.",
};

static PyTypeObject nc_kids_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "netcontract.clr._speedups.Deferred",
    .tp_basicsize = sizeof(nc_kids),
    .tp_dealloc = (destructor)kids_dealloc,
    .tp_as_sequence = &kids_as_sequence,
    .tp_iter = (getiterfunc)kids_iter,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The children of a walked list, each walked when the iterator gets to it.",
};

static PyTypeObject nc_kids_iter_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "netcontract.clr._speedups.DeferredIterator",
    .tp_basicsize = sizeof(nc_kids_iter),
    .tp_dealloc = (destructor)kids_iter_dealloc,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kids_iter_next,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyObject *
walk_tree(PyObject *self, PyObject *args)
{
    PyObject *root, *result;
    int max_depth;
    Py_ssize_t max_length, max_items = PY_SSIZE_T_MAX, defer = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTuple(args, "Oin|nn", &root, &max_depth, &max_length, &max_items, &defer))
        return NULL;
    if (element_type == NULL || shapes == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "walk_tree before setup_walk");
        return NULL;
    }
    if (!PyObject_TypeCheck(root, element_type))
        return PyUnicode_FromString("not an lxml element");
    nc_node *node = ((nc_element *)root)->c_node;
    if (node == NULL || node->type != NC_ELEMENT)
        return PyUnicode_FromString("not an element node");
    nc_walker *owner = PyObject_New(nc_walker, &nc_walker_type);
    if (owner == NULL)
        return NULL;
    memset(&owner->w, 0, sizeof(nc_walk));
    Py_INCREF(root);
    owner->root = root;
    nc_walk *w = &owner->w;
    w->max_depth = max_depth;
    w->max_length = max_length;
    w->max_items = max_items;
    w->defer = defer;
    /* no cyclic collection while the tuples are made: they hold no cycle, and a collection
     * every few hundred tuples would scan the whole growing tree again and again */
    int gc_was_enabled = PyGC_Disable();
    result = walk_node(w, owner, node, 0);
    if (gc_was_enabled)
        PyGC_Enable();
    if (result == NULL && !PyErr_Occurred())
        result = PyUnicode_FromString(w->reason ? w->reason : "declined");
    Py_DECREF(owner);
    return result;
}

/* ------------------------------------------------------------------ JSON documents */

/* json.text.colons_surely in one pass: the colons of the bytes, or -1 when a colon may be
 * escaped as \u003a / \u003A or a run of more than `longest` bytes of "0123456789+-.eE" (a
 * number too long to trust) is there. Anything but bytes goes to the pure function. */
/* the high bits set in the bytes of x (each byte 0x80 or 0) */
static inline int
high_bits(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_popcountll(x);
#else
    return (int)(((x >> 7) * 0x0101010101010101ULL) >> 56);
#endif
}

static const char number_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['+'] = 1, ['-'] = 1, ['.'] = 1, ['e'] = 1, ['E'] = 1,
};

static PyObject *
colons_surely(PyObject *self, PyObject *args)
{
    PyObject *raw;
    Py_ssize_t longest;
    if (!PyArg_ParseTuple(args, "On:colons_surely", &raw, &longest))
        return NULL;
    if (!PyBytes_CheckExact(raw) || longest < 0) {
        PyObject *fallback = fallbacks[FB_COLONS_SURELY];
        if (fallback == NULL)
            return call_fallback(FB_COLONS_SURELY, raw); /* (raises: not registered) */
        return PyObject_CallFunction(fallback, "On", raw, longest);
    }
    const unsigned char *s = (const unsigned char *)PyBytes_AS_STRING(raw);
    Py_ssize_t n = PyBytes_GET_SIZE(raw), colons = 0, i = 0;
    /* a run of more than `longest` number bytes holds a multiple of longest + 1: only those
     * positions are looked at, and the run measured around the ones that are number bytes */
    for (Py_ssize_t p = 0; p < n; p += longest + 1) {
        if (!number_byte[s[p]])
            continue;
        Py_ssize_t lo = p, hi = p + 1;
        while (lo > 0 && number_byte[s[lo - 1]])
            lo--;
        while (hi < n && number_byte[s[hi]])
            hi++;
        if (hi - lo > longest)
            return PyLong_FromLong(-1);
    }
    /* a colon escaped as \u003a or \u003A: from one backslash to the next */
    for (const unsigned char *b = s; (b = memchr(b, '\\', n - (b - s))) != NULL; b++) {
        if (s + n - b > 5 && memcmp(b + 1, "u003", 4) == 0 && (b[5] == 'a' || b[5] == 'A'))
            return PyLong_FromLong(-1);
    }
    /* the colons, eight bytes at a time: a byte of w ^ ':'*8 is zero where w has a colon;
     * t has the high bit of each nonzero byte (exact: no carry crosses bytes) */
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t x = w ^ (ones * ':');
        uint64_t t = ((x & ~high) + ~high) | x;
        colons += high_bits(~t & high);
    }
    for (; i < n; i++)
        colons += s[i] == ':';
    return PyLong_FromSsize_t(colons);
}

/* json.text.text_colons: the colons of the JSON strings a Struct reader took (None: no
 * string), or -1 when one is longer than maxlen. Anything but str or None, and a maxlen that
 * is not an int, go to the pure function with all the arguments. */
static PyObject *
text_colons(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t maxlen = -1;
    if (nargs >= 1 && PyLong_CheckExact(args[0])) {
        maxlen = PyLong_AsSsize_t(args[0]);
        if (maxlen == -1 && PyErr_Occurred())
            PyErr_Clear();
    }
    int odd = maxlen < 0;
    for (Py_ssize_t a = 1; a < nargs && !odd; a++)
        odd = args[a] != Py_None && !PyUnicode_CheckExact(args[a]);
    if (odd) {
        PyObject *fallback = fallbacks[FB_TEXT_COLONS];
        if (fallback == NULL)
            return call_fallback(FB_TEXT_COLONS, Py_None); /* (raises: not registered) */
        return PyObject_Vectorcall(fallback, args, (size_t)nargs, NULL);
    }
    Py_ssize_t colons = 0;
    for (Py_ssize_t a = 1; a < nargs; a++) {
        PyObject *text = args[a];
        if (text == Py_None)
            continue;
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(text) < 0)
            return NULL;
#endif
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        if (n > maxlen)
            return PyLong_FromLong(-1);
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        if (kind == PyUnicode_1BYTE_KIND) {
            const char *c = data, *end = c + n;
            while ((c = memchr(c, ':', (size_t)(end - c))) != NULL) {
                colons++;
                c++;
            }
        }
        else {
            for (Py_ssize_t i = 0; i < n; i++)
                colons += PyUnicode_READ(kind, data, i) == ':';
        }
    }
    return PyLong_FromSsize_t(colons);
}

/* ------------------------------------------------------------------ the module */

static PyMethodDef methods[] = {
    {"set_fallback", set_fallback, METH_VARARGS, "Register the pure function a codec defers to."},
    {"setup_datetime", setup_datetime, METH_VARARGS, "Register DateTime, its kinds and slots."},
    {"setup_guid", setup_guid, METH_VARARGS, "Register uuid.UUID, its slots and SafeUUID."},
    {"parse_double_xml", parse_double_xml, METH_O, "numbers.parse_double_xml, compiled."},
    {"parse_double_json_number", parse_double_json_number, METH_O,
     "numbers.parse_double_json_number, compiled."},
    {"format_double_r", format_double_r, METH_O, "numbers.format_double_r, compiled."},
    {"parse_double_json_plain", parse_double_json_plain, METH_O,
     "numbers.parse_double_json_plain, compiled."},
    {"parse_datetime", parse_datetime, METH_O, "datetime.parse_datetime, compiled."},
    {"format_datetime", format_datetime, METH_O, "datetime.format_datetime, compiled."},
    {"parse_guid", parse_guid, METH_O, "guid.parse_guid, compiled."},
    {"parse_datetime_json", parse_datetime_json, METH_O,
     "datetime.parse_datetime_json, compiled."},
    {"colons_surely", colons_surely, METH_VARARGS, "json.text.colons_surely, compiled."},
    {"text_colons", (PyCFunction)(void (*)(void))text_colons, METH_FASTCALL,
     "json.text.text_colons, compiled."},
    {"format_single_r", format_single_r, METH_O, "single.format_single_r, compiled."},
    {"parse_single_xml", parse_single_xml, METH_O, "single.parse_single_xml, compiled."},
    {"parse_int_xml", (PyCFunction)(void (*)(void))parse_int_xml, METH_FASTCALL,
     "numbers.parse_int_xml, compiled."},
    {"escape_text", escape_text, METH_O, "xml.write.escape_text, compiled."},
    {"setup_walk", setup_walk, METH_VARARGS, "Register lxml's _Element class and the mixed-text str."},
    {"walk_tree", walk_tree, METH_VARARGS, "The element tree as nested tuples, or why not."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "netcontract.clr._speedups",
    "Compiled .NET value codecs; the pure-Python functions are the reference and fallback.",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (PyType_Ready(&nc_walker_type) < 0 || PyType_Ready(&nc_kids_type) < 0 ||
        PyType_Ready(&nc_kids_iter_type) < 0)
        return NULL;
    slash_date = PyUnicode_InternFromString("/Date(");
    if (slash_date == NULL)
        return NULL;
    return PyModule_Create(&module);
}
