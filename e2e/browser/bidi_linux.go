//go:build linux

package browser

import (
	"os/exec"
	"syscall"
)

// orphanProof makes Firefox die with the test binary, also when it is
// killed (a go test -timeout, a CI that ends the run).
func orphanProof(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
