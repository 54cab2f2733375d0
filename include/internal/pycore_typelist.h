/* Every statically allocated type, readied by _PyTypes_InitTypes() (src/objects/object.c)
 * in this order at start-up. Adding a static type = adding one line here (append-only;
 * bases before subclasses). */
#ifndef KR_PYCORE_TYPELIST_H
#define KR_PYCORE_TYPELIST_H
#define KR_STATIC_TYPES(X) \
    X(PyBaseObject_Type) X(PyType_Type) X(PySuper_Type) X(_PyNone_Type) \
    X(_PyNotImplemented_Type) X(PyEllipsis_Type) \
    X(PyLong_Type) X(PyBool_Type) X(PyFloat_Type) X(PyComplex_Type) \
    X(PyUnicode_Type) X(PyUnicodeIter_Type) X(PyBytes_Type) X(PyBytesIter_Type) \
    X(PyByteArray_Type) X(PyByteArrayIter_Type) X(PyMemoryView_Type) \
    X(PyTuple_Type) X(PyTupleIter_Type) X(PyList_Type) X(PyListIter_Type) \
    X(PyListRevIter_Type) X(PyDict_Type) X(PyDictKeys_Type) X(PyDictValues_Type) \
    X(PyDictItems_Type) X(PyDictIterKey_Type) X(PyDictIterValue_Type) \
    X(PyDictIterItem_Type) X(PyDictRevIterKey_Type) X(PyDictRevIterValue_Type) \
    X(PyDictRevIterItem_Type) X(PyDictProxy_Type) X(PySet_Type) X(PyFrozenSet_Type) \
    X(PySetIter_Type) X(PyRange_Type) X(PyRangeIter_Type) X(PyLongRangeIter_Type) \
    X(PySlice_Type) X(PySeqIter_Type) X(PyCallIter_Type) X(PyEnum_Type) \
    X(PyReversed_Type) X(PyMap_Type) X(PyFilter_Type) X(PyZip_Type) \
    X(PyFunction_Type) X(PyMethod_Type) X(PyInstanceMethod_Type) X(PyCell_Type) \
    X(PyCFunction_Type) X(PyClassMethod_Type) X(PyStaticMethod_Type) \
    X(PyClassMethodDescr_Type) X(PyGetSetDescr_Type) X(PyMemberDescr_Type) \
    X(PyMethodDescr_Type) X(PyWrapperDescr_Type) X(_PyMethodWrapper_Type) \
    X(PyProperty_Type) X(PyModule_Type) X(PyModuleDef_Type) X(PyCode_Type) \
    X(PyFrame_Type) X(PyGen_Type) X(PyCoro_Type) X(PyAsyncGen_Type) \
    X(_PyCoroWrapper_Type) X(_PyAsyncGenASend_Type) X(_PyAsyncGenAThrow_Type) \
    X(_PyAsyncGenWrappedValue_Type) X(PyTraceBack_Type) X(_PyWeakref_RefType) \
    X(_PyWeakref_ProxyType) X(_PyWeakref_CallableProxyType) \
    X(_PyUnion_Type) X(Py_GenericAliasType) X(_Py_GenericAliasIterType) X(_PyNamespace_Type) \
    X(_PyTypeVar_Type) X(_PyParamSpec_Type) X(_PyTypeVarTuple_Type) X(_PyParamSpecArgs_Type) X(_PyParamSpecKwargs_Type) X(_PyTypeAlias_Type) X(_PyNoDefault_Type) X(_PyGeneric_Type) \
    X(_PyUnicodeASCIIIter_Type) \
    X(_PyMemoryIter_Type)
#endif
