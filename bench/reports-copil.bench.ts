export async function benchCopilReport() { return []; }
