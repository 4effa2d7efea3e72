//go:build linux

package browser

import (
	"os/exec"
	"syscall"
)

// processGroup starts cmd in a process group of its own, which killGroup
// ends whole (WebKitWebDriver's MiniBrowser and WebKit's processes with
// it), and makes it die with the test binary.
func processGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func killGroup(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}
