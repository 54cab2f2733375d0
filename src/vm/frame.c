/* Interpreter frames: the per-thread data stack they live on, their set-up and tear-down,
 * and the bridge to frame objects. */
#include "Python.h"
#include "internal/pycore_frame.h"

#define KR_DATA_STACK_CHUNK_BYTES (64 * 1024)

_PyInterpreterFrame *_PyThreadState_PushFrame(PyThreadState *tstate, size_t nslots)
{
    struct _kr_tstate_eval *ev = &tstate->eval;
    if (ev->datastack_top != NULL && (size_t)(ev->datastack_limit - ev->datastack_top) > nslots) {
        _PyInterpreterFrame *f = (_PyInterpreterFrame *)ev->datastack_top;
        ev->datastack_top += nslots;
        return f;
    }
    size_t need = offsetof(_PyStackChunk, data) + (nslots + 1) * sizeof(PyObject *);
    size_t bytes = need > KR_DATA_STACK_CHUNK_BYTES ? need : KR_DATA_STACK_CHUNK_BYTES;
    _PyStackChunk *chunk = PyMem_RawMalloc(bytes);
    if (chunk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    chunk->size = bytes;
    chunk->previous = ev->datastack_chunk;
    chunk->top = 0;
    if (ev->datastack_chunk != NULL)
        ev->datastack_chunk->top = (size_t)(ev->datastack_top - ev->datastack_chunk->data);
    ev->datastack_chunk = chunk;
    ev->datastack_limit = (PyObject **)((char *)chunk + bytes);
    ev->datastack_top = chunk->data + nslots;
    return (_PyInterpreterFrame *)chunk->data;
}

void _PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    struct _kr_tstate_eval *ev = &tstate->eval;
    PyObject **base = (PyObject **)frame;
    _PyStackChunk *chunk = ev->datastack_chunk;
    if (chunk != NULL && base == chunk->data && chunk->previous != NULL) {
        /* The frame was the first of its chunk: go back to the previous chunk. */
        _PyStackChunk *prev = chunk->previous;
        ev->datastack_chunk = prev;
        ev->datastack_top = prev->data + prev->top;
        ev->datastack_limit = (PyObject **)((char *)prev + prev->size);
        PyMem_RawFree(chunk);
        return;
    }
    ev->datastack_top = base;
}

void _PyThreadState_ClearDataStack(PyThreadState *tstate)
{
    struct _kr_tstate_eval *ev = &tstate->eval;
    _PyStackChunk *chunk = ev->datastack_chunk;
    while (chunk != NULL) {
        _PyStackChunk *prev = chunk->previous;
        PyMem_RawFree(chunk);
        chunk = prev;
    }
    ev->datastack_chunk = NULL;
    ev->datastack_top = ev->datastack_limit = NULL;
    PyMem_RawFree(ev->global_cache);
    ev->global_cache = NULL;
}

void _PyFrame_Initialize(_PyInterpreterFrame *frame, PyFunctionObject *func, PyObject *locals,
                         PyCodeObject *code, int null_locals_from)
{
    frame->f_code = (PyCodeObject *)Py_NewRef((PyObject *)code);
    frame->previous = NULL;
    frame->f_funcobj = Py_XNewRef((PyObject *)func);
    frame->f_globals = func ? func->func_globals : NULL;
    frame->f_builtins = func ? func->func_builtins : NULL;
    frame->f_locals = Py_XNewRef(locals);
    frame->frame_obj = NULL;
    frame->instr_ptr = _PyCode_CODE(code);
    frame->stacktop = code->co_nlocalsplus;
    frame->return_offset = 0;
    frame->owner = FRAME_OWNED_BY_THREAD;
    frame->is_entry = 0;
    frame->is_init = 0;
    for (int i = null_locals_from; i < code->co_nlocalsplus; i++)
        frame->localsplus[i] = NULL;
}

void _PyFrame_ClearExceptCode(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj != NULL) {
        PyFrameObject *f = frame->frame_obj;
        frame->frame_obj = NULL;
        if (Py_REFCNT(f) > 1 && frame->owner != FRAME_OWNED_BY_FRAME_OBJECT) {
            /* Someone still holds the frame object: it inherits the frame's contents
             * (everything but the code reference, which it increfs itself). */
            _PyFrameObject_TakeFrame(f, frame);
            Py_DECREF(f);
            return;
        }
        f->f_frame = NULL;
        Py_DECREF(f);
    }
    for (int i = 0; i < frame->stacktop; i++)
        Py_XDECREF(frame->localsplus[i]);
    frame->stacktop = 0;
    Py_CLEAR(frame->f_locals);
    Py_CLEAR(frame->f_funcobj);
}

void _PyFrame_Clear(_PyInterpreterFrame *frame)
{
    _PyFrame_ClearExceptCode(frame);
    Py_CLEAR(frame->f_code);
}

void _PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest)
{
    size_t size = offsetof(_PyInterpreterFrame, localsplus) +
                  (size_t)src->stacktop * sizeof(PyObject *);
    memcpy(dest, src, size);
}

int _PyFrame_Traverse(_PyInterpreterFrame *frame, visitproc visit, void *arg)
{
    Py_VISIT(frame->frame_obj);
    Py_VISIT(frame->f_locals);
    Py_VISIT(frame->f_funcobj);
    Py_VISIT(frame->f_code);
    for (int i = 0; i < frame->stacktop; i++)
        Py_VISIT(frame->localsplus[i]);
    return 0;
}

PyFrameObject *_PyFrame_MakeAndSetFrameObject(_PyInterpreterFrame *frame)
{
    PyFrameObject *f = _PyFrame_New_NoTrack(frame->f_code);
    if (f == NULL)
        return NULL;
    f->f_frame = frame;
    frame->frame_obj = f;
    PyObject_GC_Track(f);
    return f;
}

PyFrameObject *_PyFrame_GetFrameObject(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj != NULL)
        return frame->frame_obj;
    return _PyFrame_MakeAndSetFrameObject(frame);
}

int _PyFrame_GetLineNumber(_PyInterpreterFrame *frame)
{
    int lasti = _PyInterpreterFrame_LASTI(frame);
    if (lasti < 0)
        return frame->f_code->co_firstlineno;
    return PyCode_Addr2Line(frame->f_code, lasti * (int)sizeof(_Py_CODEUNIT));
}

_PyInterpreterFrame *_PyFrame_GetFirstComplete(_PyInterpreterFrame *frame)
{
    while (frame != NULL && _PyFrame_IsIncomplete(frame))
        frame = frame->previous;
    return frame;
}

/* A snapshot dict of an optimized frame's variables (PEP 667 semantics for reads). */
static PyObject *fast_locals_snapshot(_PyInterpreterFrame *frame)
{
    PyCodeObject *co = frame->f_code;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    const unsigned char *kinds =
        (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        int kind = kinds[i];
        if (kind & CO_FAST_HIDDEN)
            continue;
        PyObject *value = frame->localsplus[i];
        if ((kind & (CO_FAST_CELL | CO_FAST_FREE)) && value != NULL && PyCell_Check(value)) {
            /* A cell variable that is also an argument holds the raw value until
             * MAKE_CELL runs; after that the slot holds the cell. */
            value = PyCell_GET(value);
        }
        else if ((kind & CO_FAST_FREE) && value != NULL && !PyCell_Check(value)) {
            value = NULL;
        }
        if (value == NULL)
            continue;
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (PyDict_SetItem(d, name, value) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

PyObject *_PyFrame_GetLocals(_PyInterpreterFrame *frame)
{
    PyCodeObject *co = frame->f_code;
    if (!(co->co_flags & CO_OPTIMIZED) && frame->f_locals != NULL)
        return Py_NewRef(frame->f_locals);
    return fast_locals_snapshot(frame);
}

int _PyFrame_FastToLocalsWithError(_PyInterpreterFrame *frame)
{
    return 0;
}
