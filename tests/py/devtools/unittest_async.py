# unittest: IsolatedAsyncioTestCase fixtures order, async cleanups and failures
import unittest, asyncio, io
log = []
class A(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self): log.append("asyncSetUp")
    def setUp(self): log.append("setUp")
    async def test_sleep(self):
        await asyncio.sleep(0)
        self.addAsyncCleanup(self.cleanup)
        self.assertEqual(1, 1)
    async def cleanup(self): log.append("async cleanup")
    async def test_fail(self):
        self.assertEqual(await asyncio.sleep(0, result=2), 3)
    async def asyncTearDown(self): log.append("asyncTearDown")
s = io.StringIO()
r = unittest.TextTestRunner(stream=s, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(A))
print(r.testsRun, len(r.failures), log)
print([l for l in s.getvalue().splitlines() if '...' in l or l.startswith('AssertionError')])
