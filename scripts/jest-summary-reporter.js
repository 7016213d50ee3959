// A jest reporter that writes the closing line CI prints, "N passed, N failed",
// from jest's own aggregated results (test-reports/summary.txt), and prints it.
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    const dir = path.join(process.cwd(), 'test-reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'summary.txt'), line + '\n');
    process.stdout.write(`\njest: ${line}\n`);
  }
}

module.exports = SummaryReporter;
