// Runs the shared search vectors against themes/default/assets/search.js in Node (no DOM):
// `node Tests/Shared/search-vectors.js`. Exit 0 when every vector holds; each failure printed.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const repository = path.resolve(__dirname, "..", "..");
const script = fs.readFileSync(path.join(repository, "themes/default/assets/search.js"), "utf8");
const context = {};
context.self = context;
vm.runInNewContext(script, context, { filename: "search.js" });
const text = context.newsroomSearchText;
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "search-vectors.json"), "utf8"));

const failures = [];
let count = 0;
function check(kind, input, expected, actual) {
  count++;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(`${kind}(${JSON.stringify(input)}): expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
for (const [input, expected] of vectors.fold) check("fold", input, expected, text.fold(input));
for (const [input, expected] of vectors.stem) check("stem", input, expected, text.stem(input));
for (const [input, expected] of vectors.terms) check("terms", input, expected, Array.from(text.terms(input)));

for (const failure of failures) console.log(failure);
console.log(`${count - failures.length} of ${count} search vectors hold in JavaScript`);
process.exit(failures.length === 0 ? 0 : 1);
