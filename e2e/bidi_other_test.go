//go:build !linux && !(js && wasm)

package e2e

import "os/exec"

func orphanProof(cmd *exec.Cmd) {}
