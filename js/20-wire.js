  // js/20-wire.js: the numbers that cross to Go, generated from xdr_wire.go; do not edit.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // make dist writes this file (go run ./internal/wiregen): each constant of
  // xdr_wire.go marked //xdr:wire, in upper snake case after the mark's
  // prefix (A_RESET is ActReset); TestWireGenerated checks it.
  var A_RESET = 1, A_PROGRESS = 2, A_LOAD = 4, A_ERROR = 8, A_TIMEOUT = 16, A_ENDED = 32, A_QUIET = 64;
  var BODY_NONE = 0, BODY_EMPTY = 1, BODY_TEXT = 2, BODY_INVALID = 3;
  var OPEN_METHOD = 3, OPEN_KEEP = 4;
  var SEND_START = 1, SEND_BODY = 2, SEND_DEFER = 4, SEND_KEEP = 8;
  var INFO_DONE = 1, INFO_DATA = 2, INFO_STATUS_FACTOR = 4, INFO_STATUS_MAX = 1023, INFO_HEAD_FACTOR = 4096, INFO_BYTE_FACTOR = 512;
  var FIRST_ACTIONS = 127, FIRST_READ = 128, FIRST_TYPE_SHIFT = 8, FIRST_DECODE_SHIFT = 16, FIRST_INDEX_MASK = 255, FIRST_REPEAT = 16777216;
  var T_PROGRESS = 1, T_TIMEOUT = 2, T_FAIL = 3;
  var CONFIG_ALLOW_CROSS_SCHEME = 1, CONFIG_ALLOW_ANY_ZONE = 2, CONFIG_REPLACE_NATIVE = 4;
  var LOG_WARN = 0, LOG_ERROR = 1;
  var C_NETWORK = 1, C_CUT = 3, C_INTERNAL = 6, C_TOO_LARGE = 7;
  var METHODS = ['', 'GET', 'POST'];
