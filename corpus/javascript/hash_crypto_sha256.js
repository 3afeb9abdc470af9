const crypto = require('crypto');
const ROUNDS = __SIZE__;
let digest = Buffer.from('presize');
for (let i = 0; i < ROUNDS; i++) {
  digest = crypto.createHash('sha256').update(digest).update(String(i)).digest();
}
const hmac = crypto.createHmac('sha512', digest).update('final').digest('hex');
console.log('rounds', ROUNDS, 'digest', digest.toString('hex').slice(0, 16), 'hmac', hmac.slice(0, 16));
