// Entry for the Node extension host (code-server here, desktop VS Code through @vscode/test-electron):
// mocha from node_modules, the suite bundled beside this file.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./extension.test');
  mocha.suite.emit('require', undefined, 'extension.test', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./athletes.test');
  mocha.suite.emit('require', undefined, 'athletes.test', mocha);
  mocha.suite.emit('post-require', globalThis, 'extension.test', mocha);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
}
