//go:build !linux && !(js && wasm)

package e2e

import "os/exec"

func processGroup(cmd *exec.Cmd) {}

func killGroup(cmd *exec.Cmd) { _ = cmd.Process.Kill() }
