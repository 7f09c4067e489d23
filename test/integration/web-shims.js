// Globals the npm `assert` polyfill expects in a web worker.
export const process = require('process/browser');
