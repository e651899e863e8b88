// The person's signing key (ballots, and the minutes for the secretary and the chair) lives only in this browser: a non-extractable WebCrypto ECDSA P-256 key kept
// in IndexedDB per user. Cabinet's server only ever sees the public key and the signatures.
const DB = "cabinet-device-keys";
const STORE = "keys";

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = action(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  });
}

/**
 * Stores the key made unless another call (the page loading while the person clicks, another tab) stored one first, and
 * returns the one kept: the read and the add share one read-write transaction, which IndexedDB runs one at a time, so a
 * browser never registers one key while keeping another to sign with.
 */
async function keepFirst(userName, made) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    const store = tx.objectStore(STORE);
    let kept = made;
    const read = store.get(userName);
    read.onsuccess = () => {
      if (read.result) {
        kept = read.result;
      } else {
        store.add(made, userName);
      }
    };
    tx.oncomplete = () => { db.close(); resolve(kept); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  });
}

const base64 = buffer => btoa(String.fromCharCode(...new Uint8Array(buffer)));

export function supported() {
  return !!(window.isSecureContext && window.crypto && window.crypto.subtle && window.indexedDB);
}

/** This browser's key for the user (created on first use): the public key to register and the device id once registered. */
export async function deviceKey(userName) {
  let entry = await run("readonly", s => s.get(userName));
  if (!entry) {
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    entry = await keepFirst(userName, { privateKey: pair.privateKey, spki: base64(await crypto.subtle.exportKey("spki", pair.publicKey)), deviceId: null });
  }
  const label = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "Trình duyệt";
  return { spki: entry.spki, deviceId: entry.deviceId, label: label.substring(0, 100) };
}

export async function rememberDevice(userName, deviceId) {
  const entry = await run("readonly", s => s.get(userName));
  entry.deviceId = deviceId;
  await run("readwrite", s => s.put(entry, userName));
}

/** Drops this browser's key (after the server revoked it); the next ballot creates and registers a new one. */
export async function forgetDevice(userName) {
  await run("readwrite", s => s.delete(userName));
}

async function signWithDevice(userName, bytes) {
  const entry = await run("readonly", s => s.get(userName));
  return base64(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, entry.privateKey, bytes));
}

/** Signs the exact canonical ballot text; WebCrypto returns the IEEE P1363 form (r‖s) the server verifies. */
export function sign(userName, text) {
  return signWithDevice(userName, new TextEncoder().encode(text));
}

/** Signs bytes given as base64 — the minutes' CMS signed attributes, whose DER the server sent — with the same key. */
export function signBytes(userName, dataBase64) {
  return signWithDevice(userName, Uint8Array.from(atob(dataBase64), c => c.charCodeAt(0)));
}

export function saveReceipt(key, json) { localStorage.setItem(key, json); }

export function loadReceipt(key) { return localStorage.getItem(key); }
