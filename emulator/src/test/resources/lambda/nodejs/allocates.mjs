// Filled buffers, 8 MiB at a time, so every page is resident; outside V8's heap, as large data often is.
export const handler = async (event) => {
  const held = [];
  for (let i = 0; i < event.mib / 8; i++) {
    held.push(Buffer.alloc(8 << 20, 1));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => setTimeout(resolve, (event.hold_seconds || 0) * 1000));
  return { held_mib: held.length * 8, pid: process.pid };
};
