// Validates every document of the given multi-document YAML files with the npm package
// kubernetes-models (generated from the Kubernetes OpenAPI schema): required fields and types.
// Custom resources (Strimzi, CloudNativePG, the Prometheus Operator) are skipped: their CRDs are not in the package.
// Exit code 1 and one line per problem if any document is invalid.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
let problems = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (!doc) continue;
    const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
    if (group && (group.endsWith("strimzi.io") || group.endsWith("cnpg.io") || group === "monitoring.coreos.com")) continue;
    const id = `${file}: ${doc.kind}/${doc.metadata?.name}`;
    let Model;
    try {
      Model = require(`kubernetes-models/${group ? group + "/" : ""}${version}/${doc.kind}`)[doc.kind];
    } catch (e) {
      console.log(`${id}: no model for ${doc.apiVersion} ${doc.kind}`);
      problems++;
      continue;
    }
    try {
      new Model(doc).validate();
      checked++;
    } catch (e) {
      console.log(`${id}: ${e.message}`);
      problems++;
    }
  }
}
console.log(`checked ${checked} documents, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
