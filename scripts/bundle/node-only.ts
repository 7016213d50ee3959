/**
 * The pure JavaScript hashes the Lambda bundles leave out (about 7.7 kB of the
 * minified handler). @smithy/core's Sha256Node, Md5Node and Crc32Node and
 * @aws-sdk/checksums' Sha1Node are each, at module load, either a class over
 * node:crypto (`createHash("sha256")`, "sha1", "md5") or node:zlib
 * (`zlib.crc32`), or, where those throw or are missing, the JavaScript
 * implementation (`hasNativeCrypto ? buildNativeClass() : Sha256Js`). The
 * Lambda runtime's Node.js (LAMBDA_NODEJS_RUNTIME, nodejs24.x) has them all:
 * node:crypto's SHA-256, SHA-1 and MD5 (Lambda does not run Node.js in FIPS
 * mode, the only case where createHash("md5") throws), and zlib.crc32 since
 * Node.js 22.2 (Node.js docs, "zlib.crc32"). So the JavaScript class is kept
 * by name only, and throws if it is ever built. Nothing else in the bundles
 * builds one: Sha256WebCrypto and Sha1WebCrypto, their other users, are
 * browser builds esbuild does not bundle for the node platform.
 *
 * What proves it: test/lambda/sdk-trim.test.ts signs every command (SigV4's
 * HMAC-SHA256) and has GetObject validate each checksum S3 answers with
 * (CRC32, SHA-1, SHA-256 among them) through the trimmed build; a thrown
 * constructor would fail them. CRC32C and CRC64NVME have no native class in
 * Node.js (Crc32cNode is Crc32cJs; Crc64Nvme uses the CRT only when it is
 * installed), so their JavaScript stays.
 */
import { esModuleFile, Substitute, unreachedClass } from './unreached';

const WHY = 'node-only.ts';

export const NODE_ONLY: readonly Substitute[] = [
  { file: esModuleFile('@smithy/core', 'submodules/checksum/sha256/Sha256Js.js'), contents: unreachedClass('Sha256Js', WHY) },
  { file: esModuleFile('@smithy/core', 'submodules/checksum/md5/Md5Js.js'), contents: unreachedClass('Md5Js', WHY) },
  { file: esModuleFile('@smithy/core', 'submodules/checksum/crc32/Crc32Js.js'), contents: unreachedClass('Crc32Js', WHY) },
  { file: esModuleFile('@aws-sdk/checksums', 'submodules/sha/sha1/Sha1Js.js'), contents: unreachedClass('Sha1Js', WHY) },
];
