// After `vite build`: a .gz beside every text asset, so Flask (pwa_host) can send the
// compressed file to browsers that accept gzip without compressing on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";

const DIST = fileURLToPath(new URL("../../backend/meedoen/static/app", import.meta.url));
const TEXT = /\.(js|mjs|css|html|json|svg|webmanifest)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let raw = 0;
let packed = 0;
for (const file of walk(DIST).filter((f) => TEXT.test(f))) {
  const data = readFileSync(file);
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (gz.length >= data.length) continue;
  writeFileSync(file + ".gz", gz);
  raw += data.length;
  packed += gz.length;
}
console.log(`precompressed: ${(raw / 1024).toFixed(1)} KiB → ${(packed / 1024).toFixed(1)} KiB gzip`);
