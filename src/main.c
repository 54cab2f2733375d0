/* The krait executable: everything happens in Py_BytesMain (src/vm/main_cmdline.c). */
#include "Python.h"

int main(int argc, char **argv)
{
    return Py_BytesMain(argc, argv);
}
