/* Bump allocator for AST nodes: a parse produces many small nodes that all die together,
 * so they are carved from large blocks and released in one sweep. Python objects the AST
 * refers to (identifiers, constants) are kept alive by the arena until it is freed. */
#include <stdlib.h>
#include <string.h>
#include "Python.h"
#include "internal/pycore_ast.h"

#define ARENA_BLOCK_SIZE 8192
#define ARENA_ALIGN 16

typedef struct arena_block {
    struct arena_block *next;
    size_t size, used;
    /* Max-aligned payload follows. */
    _Alignas(ARENA_ALIGN) unsigned char data[];
} arena_block;

struct _arena {
    arena_block *head; /* current block is head; older blocks follow */
    PyObject **objects;
    Py_ssize_t nobjects, objects_cap;
};

static arena_block *
block_new(size_t size)
{
    arena_block *b = malloc(sizeof(arena_block) + size);
    if (b == NULL)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

PyArena *
_PyArena_New(void)
{
    PyArena *a = malloc(sizeof(PyArena));
    if (a == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    a->head = block_new(ARENA_BLOCK_SIZE);
    if (a->head == NULL) {
        free(a);
        PyErr_NoMemory();
        return NULL;
    }
    a->objects = NULL;
    a->nobjects = a->objects_cap = 0;
    return a;
}

void
_PyArena_Free(PyArena *a)
{
    if (a == NULL)
        return;
    arena_block *b = a->head;
    while (b) {
        arena_block *n = b->next;
        free(b);
        b = n;
    }
    /* Objects were added in creation order; release newest first so containers built
     * from earlier objects go before their parts. */
    for (Py_ssize_t i = a->nobjects - 1; i >= 0; i--)
        Py_DECREF(a->objects[i]);
    free(a->objects);
    free(a);
}

void *
_PyArena_Malloc(PyArena *a, size_t size)
{
    size = (size + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    arena_block *b = a->head;
    if (b->used + size > b->size) {
        size_t bs = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
        arena_block *nb = block_new(bs);
        if (nb == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    /* Zeroed memory lets node constructors leave optional fields alone. */
    memset(p, 0, size);
    return p;
}

int
_PyArena_AddPyObject(PyArena *a, PyObject *obj)
{
    if (a->nobjects == a->objects_cap) {
        Py_ssize_t ncap = a->objects_cap ? a->objects_cap * 2 : 64;
        PyObject **no = realloc(a->objects, (size_t)ncap * sizeof(PyObject *));
        if (no == NULL) {
            Py_DECREF(obj);
            PyErr_NoMemory();
            return -1;
        }
        a->objects = no;
        a->objects_cap = ncap;
    }
    a->objects[a->nobjects++] = obj;
    return 0;
}

asdl_seq *
_Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *arena)
{
    if (size < 0 || (size_t)size > (SIZE_MAX - sizeof(asdl_seq)) / sizeof(void *)) {
        PyErr_NoMemory();
        return NULL;
    }
    asdl_seq *s = _PyArena_Malloc(arena, sizeof(asdl_seq) + (size_t)size * sizeof(void *));
    if (s == NULL)
        return NULL;
    s->size = size;
    return s;
}

asdl_int_seq *
_Py_asdl_int_seq_new(Py_ssize_t size, PyArena *arena)
{
    if (size < 0 || (size_t)size > (SIZE_MAX - sizeof(asdl_int_seq)) / sizeof(int)) {
        PyErr_NoMemory();
        return NULL;
    }
    asdl_int_seq *s = _PyArena_Malloc(arena, sizeof(asdl_int_seq) + (size_t)size * sizeof(int));
    if (s == NULL)
        return NULL;
    s->size = size;
    return s;
}
