class C:
pass