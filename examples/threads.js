// Two busy workers on node: wants two cores.
const { Worker, isMainThread } = require("worker_threads");
if (isMainThread) {
  let done = 0;
  for (let i = 0; i < 2; i++) {
    new Worker(__filename).on("exit", () => { if (++done === 2) console.log("done"); });
  }
} else {
  let x = 0;
  for (let i = 0; i < 6e8; i++) x = (x + i) % 1000003;
}
