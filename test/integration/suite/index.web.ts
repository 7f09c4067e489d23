// Entry for the web-worker extension host: mocha's browser build, everything bundled into one file.
export function run(): Promise<void> {
  // Required here, not at the top: mocha's UMD wrapper assigns `module.exports` when it loads, which
  // would replace this module's exports if it ran before the host read `run`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha');
  const browserMocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  return new Promise((resolve, reject) => {
    // A web worker has no DOM: report with the spec reporter to the console (the runner reads it).
    browserMocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000 });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./extension.test');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./athletes.test');
    browserMocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
}
