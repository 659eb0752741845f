/** 国密 national cryptography toolkit (GB/T 39786): SM3, SM4, SM2, field protection and masking. */
export { sm3, sm3Hex, hmacSm3, hmacSm3Hex, timingSafeEqualHex } from './sm3.js';
export { createSm4Cipher, sm4Encrypt, sm4Decrypt, parseMasterKey, type MasterKey, type Sm4Cipher } from './sm4.js';
export {
  SM2_DEFAULT_USER_ID,
  generateSm2KeyPair,
  sm2PublicKeyFromPrivateKey,
  normalizeSm2PublicKey,
  prepareSm2PublicKey,
  sm2Sign,
  sm2Verify,
  sm2SignatureDerToRaw,
  sm2SignatureRawToDer,
  sm2PublicKeyToPem,
  sm2PublicKeyFromPem,
  type Sm2KeyPair,
  type Sm2Options,
  type PreparedSm2PublicKey,
} from './sm2.js';
export { createFieldCipher, normalizeForIndex, type FieldCipher, type FieldCipherKeys } from './field.js';
export { maskMiddle, maskIdNumber, maskPhone, maskName, maskEmail, maskCreditCode } from './mask.js';
