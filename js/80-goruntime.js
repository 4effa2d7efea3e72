  // js/80-goruntime.js: the loader: what Go's runtime reads of the page, given instead; run().
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // -------------------------------------------------------------------------
  // What Go's runtime reads of the page, given by the loader instead.
  //
  // wasm_exec.js puts stand-ins for Node's fs, process and path on the
  // page's global object, where they change the page: libraries take a
  // global process for Node (faye reads process.env.REQUEST_METHOD). It
  // also makes Go read them, and the clock, timers and random numbers, from
  // the page's globals when Go needs them: an element <div id="fs"> is then
  // Go's file system, and a page that replaces performance.now moves Go's
  // clock. So the loader removes wasm_exec.js's stand-ins from the page
  // (removeStandIns: only its own, recognized by their shape; a page's own
  // fs or process stays), lends Go its own for the moment go.run reads them
  // (Go's syscall package keeps them from its start: withGoGlobals), and
  // gives Go's runtime the functions taken when this script ran (goImports).
  var STAND_IN_NAMES = ['fs', 'process', 'path'];
  function removeStandIns() {
    STAND_IN_NAMES.forEach(function (name) {
      var d = ownProperty(g, name);
      if (d && d.configurable && 'value' in d && isStandIn(name, d.value)) delete g[name];
    });
  }
  // isStandIn tells wasm_exec.js's stand-ins by their shape (Go 1.21 to 1.26).
  function isStandIn(name, v) {
    if (!v || typeof v !== 'object') return false;
    if (name === 'fs') {
      var c = ownValue(v, 'constants');
      return ownValue(c, 'O_WRONLY') === -1 && ownValue(c, 'O_CREAT') === -1 && typeof ownValue(v, 'writeSync') === 'function' &&
        typeof ownValue(v, 'utimes') === 'function';
    }
    if (name === 'process') {
      return ownValue(v, 'pid') === -1 && ownValue(v, 'ppid') === -1 && typeof ownValue(v, 'getuid') === 'function' &&
        typeof ownValue(v, 'chdir') === 'function';
    }
    var keys = Object.keys(v);
    return keys.length === 1 && keys[0] === 'resolve' && typeof ownValue(v, 'resolve') === 'function';
  }

  // goStandIns are the fs, process and path that Go's syscall package reads
  // when it starts, as wasm_exec.js defines them: nothing but writing to
  // the console works (goWrite).
  function goStandIns() {
    function enosys() { var e = new RealError('not implemented'); e.code = 'ENOSYS'; return e; }
    function refuse() { arguments[arguments.length - 1](enosys()); }
    function thrower() { throw enosys(); }
    function minusOne() { return -1; }
    var fs = {
      constants: { O_WRONLY: -1, O_RDWR: -1, O_CREAT: -1, O_TRUNC: -1, O_APPEND: -1, O_EXCL: -1, O_DIRECTORY: -1 },
      writeSync: function (fd, buf) { goWrite(buf); return buf.length; },
      write: function (fd, buf, offset, length, position, callback) {
        if (offset !== 0 || length !== buf.length || position !== null) { callback(enosys()); return; }
        goWrite(buf);
        callback(null, buf.length);
      },
      fsync: function (fd, callback) { callback(null); }
    };
    ['chmod', 'chown', 'close', 'fchmod', 'fchown', 'fstat', 'ftruncate', 'lchown', 'link', 'lstat', 'mkdir', 'open', 'read',
      'readdir', 'readlink', 'rename', 'rmdir', 'stat', 'symlink', 'truncate', 'unlink', 'utimes'].forEach(function (name) { fs[name] = refuse; });
    var process = {
      getuid: minusOne, getgid: minusOne, geteuid: minusOne, getegid: minusOne, pid: -1, ppid: -1,
      getgroups: thrower, umask: thrower, cwd: thrower, chdir: thrower
    };
    var path = { resolve: function () { return [].slice.call(arguments).join('/'); } };
    return { fs: fs, process: process, path: path };
  }

  // goWrite writes what Go's runtime prints (a crash, print()) to the
  // console, a line at a time, after Go has returned (writeLines).
  var goOutput = '';
  function goWrite(bytes) {
    goOutput += new RealTextDecoder('utf-8').decode(bytes);
    var nl = goOutput.lastIndexOf('\n');
    if (nl < 0) return;
    lines.push([LOG_ERROR, goOutput.slice(0, nl)]);
    goOutput = goOutput.slice(nl + 1);
    afterThisTask(writeLines);
  }

  // withGoGlobals runs f with values under names of the global object, and
  // then gives the page back what it had under them.
  function withGoGlobals(values, f) {
    var giveBack = lendGlobals(values);
    try { return f(); } finally { giveBack(); }
  }
  // lendGlobals puts values under names of the global object; the function
  // it returns gives the page back what it had under them.
  function lendGlobals(values) {
    var names = Object.keys(values), saved = names.map(function (name) { return ownProperty(g, name); });
    names.forEach(function (name, i) {
      if (saved[i] && !saved[i].configurable) g[name] = values[name];  // a page's var: set, not redefined
      else Object.defineProperty(g, name, { value: values[name], writable: true, configurable: true });
    });
    return function () {
      names.forEach(function (name, i) {
        var d = saved[i];
        if (!d) delete g[name];
        else if (!d.configurable) g[name] = d.value;
        else Object.defineProperty(g, name, d);
      });
    };
  }

  // goImports replaces the imports of wasm_exec.js that read the page's
  // globals when Go calls them (performance.now, Date, setTimeout,
  // clearTimeout, crypto, fs) with the same work done by the functions
  // taken when this script ran. Each does what wasm_exec.js's does.
  function goImports(go) {
    var imports = go.importObject.gojs;
    if (!imports) return;
    var timeOrigin = apply(dateNow, RealDate, []) - now();
    function setInt64(addr, v) {
      go.mem.setUint32(addr, v, true);
      go.mem.setUint32(addr + 4, floor(v / 4294967296), true);
    }
    function getInt64(addr) { return go.mem.getUint32(addr, true) + go.mem.getInt32(addr + 4, true) * 4294967296; }
    function memory() { return go._inst.exports.mem.buffer; }
    imports['runtime.wasmWrite'] = function (sp) {
      sp >>>= 0;
      goWrite(new RealUint8Array(memory(), getInt64(sp + 16), go.mem.getInt32(sp + 24, true)));
    };
    imports['runtime.nanotime1'] = function (sp) {
      sp >>>= 0;
      setInt64(sp + 8, (timeOrigin + now()) * 1000000);
    };
    imports['runtime.walltime'] = function (sp) {
      sp >>>= 0;
      var msec = apply(dateNow, RealDate, []);
      setInt64(sp + 8, msec / 1000);
      go.mem.setInt32(sp + 16, (msec % 1000) * 1000000, true);
    };
    imports['runtime.scheduleTimeoutEvent'] = function (sp) {
      sp >>>= 0;
      var id = go._nextCallbackTimeoutID++;
      go._scheduledTimeouts.set(id, apply(realSetTimeout, g, [function () {
        go._resume();
        // wasm_exec.js's workaround for go.dev/issue/28975: Go missed the event.
        while (go._scheduledTimeouts.has(id)) go._resume();
      }, getInt64(sp + 8)]));
      go.mem.setInt32(sp + 16, id, true);
    };
    imports['runtime.clearTimeoutEvent'] = function (sp) {
      sp >>>= 0;
      var id = go.mem.getInt32(sp + 8, true);
      apply(realClearTimeout, g, [go._scheduledTimeouts.get(id)]);
      go._scheduledTimeouts.delete(id);
    };
    imports['runtime.getRandomData'] = function (sp) {
      sp >>>= 0;
      apply(getRandomValues, realCrypto, [new RealUint8Array(memory(), getInt64(sp + 8), getInt64(sp + 16))]);
    };
  }

  // run runs Go's main until it blocks: it installs the core (bridge.install)
  // before go.run returns. The held calls are replayed after that, from
  // this stack, not while Go is on it.
  function run(instance) {
    started = true;
    compiled = null;
    fetchedBytes = null;
    mem = instance.exports.mem || null;
    var t0 = now(), lent = goStandIns();
    if (fromExtension) bridge.config = readConfig();  // as the page has set it by now
    lent.__xdomainrequest_bridge__ = bridge;
    try {
      withGoGlobals(lent, function () { go.run(instance); });
      startRun = now() - t0;
    } catch (e) {
      core = null;
      startFailed(e);
      return;
    }
    if (!core) {
      loadFailed('the Go side did not start (see the errors above).');
      return;
    }
    replay();
    writeLines();
    settleReady[0](true);
  }

  function startFailed(e) {
    var msg = String(e && e.message || e);
    if (/Content Security Policy|blocked by CSP|unsafe-eval/i.test(msg) || (e && e.name === 'CompileError' && /CSP|disallowed|policy/i.test(msg))) {
      msg += ' (a Content-Security-Policy must allow \'wasm-unsafe-eval\')';
    }
    loadFailed('could not load ' + wasmURL + ': ' + msg);
  }

