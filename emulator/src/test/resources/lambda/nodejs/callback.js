// CommonJS with a callback-style handler.
exports.handler = (event, context, callback) => {
  console.info('callback style for', context.functionName);
  console.error('to stderr');
  setTimeout(() => callback(null, { doubled: event.n * 2 }), 5);
};

exports.rejects = (event, context, callback) => {
  callback(new Error('told to fail'));
};
