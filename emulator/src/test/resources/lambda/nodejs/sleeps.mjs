export const handler = async () => {
  console.log('going to sleep');
  await new Promise((resolve) => setTimeout(resolve, 30000));
  return 'woke up';
};
