//go:build !linux && !(js && wasm)

package browser

import "os/exec"

func processGroup(cmd *exec.Cmd) {}

func killGroup(cmd *exec.Cmd) { _ = cmd.Process.Kill() }
