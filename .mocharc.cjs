// Mocha's settings. Test files named on the command line run alone (`npx mocha test/unit/x.test.ts`);
// with none named, every unit test runs. (A `spec` in the settings would be added to the named files.)
const named = process.argv.slice(2).some((a) => /\.test\.ts$/.test(a));

module.exports = {
  require: ['tsx/cjs'],
  ...(named ? {} : { spec: ['test/unit/**/*.test.ts'] }),
  extension: ['ts'],
  reporter: 'spec',
  timeout: 10000,
};
