// Globals the npm `assert` polyfill expects in a web worker (injected by test/integration/build.mjs).
export { default as process } from 'process/browser';
