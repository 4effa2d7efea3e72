//go:build !linux && !(js && wasm)

package browser

import "os/exec"

func orphanProof(cmd *exec.Cmd) {}
